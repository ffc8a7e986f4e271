import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { createApp, type Relay } from '../../../server/app';
import { DEFAULT_CONFIG, type RelayConfig } from '../../../server/config';
import type { CreateRoomResponse, InviteResponse } from '../../../server/protocol/rooms';
import { createMemoryRoomStore } from '../../../server/store/memory';
import type { RoomStore } from '../../../server/store/types';

export const SECRET = 'test-secret-test-secret-test-secret-0123';
export const ADMIN_TOKEN = 'test-admin-token';

export function testConfig(overrides: Partial<RelayConfig> = {}): RelayConfig {
	return {
		...DEFAULT_CONFIG,
		version: 'test',
		staticDir: '/nonexistent-sieve-build',
		secret: SECRET,
		adminToken: ADMIN_TOKEN,
		...overrides
	};
}

export interface RunningRelay {
	relay: Relay;
	store: RoomStore;
	server: ServerType;
	port: number;
	httpUrl: string;
	/** y-websocket serverUrl: the room name is appended by the provider */
	wsUrl: string;
	/** errors the relay reported; tests assert it stays empty */
	errors: unknown[];
	createRoom(): Promise<CreateRoomResponse>;
	invite(room: string, ownerToken: string, role: 'reviewer' | 'viewer'): Promise<string>;
	stop(): Promise<void>;
}

/** The real relay on a random port, as `server/index.ts` wires it. */
export async function startRelay(
	options: { store?: RoomStore; config?: Partial<RelayConfig>; now?: () => number; port?: number; log?: (line: string) => void } = {}
): Promise<RunningRelay> {
	const store = options.store ?? createMemoryRoomStore();
	const errors: unknown[] = [];
	const relay = createApp(testConfig(options.config), {
		store,
		now: options.now,
		log: options.log,
		onError: (e) => errors.push(e)
	});
	const server = await new Promise<ServerType>((resolve) => {
		const s = serve({ fetch: relay.app.fetch, port: options.port ?? 0, hostname: '127.0.0.1' }, () => resolve(s));
	});
	relay.injectWebSocket(server);
	const port = (server.address() as AddressInfo).port;
	const httpUrl = `http://127.0.0.1:${port}`;
	return {
		relay,
		store,
		server,
		port,
		httpUrl,
		wsUrl: `ws://127.0.0.1:${port}/rooms`,
		errors,
		async createRoom() {
			const res = await fetch(`${httpUrl}/rooms`, { method: 'POST' });
			if (res.status !== 201) throw new Error(`POST /rooms: ${res.status}`);
			return (await res.json()) as CreateRoomResponse;
		},
		async invite(room, ownerToken, role) {
			const res = await fetch(`${httpUrl}/rooms/${room}/invites`, {
				method: 'POST',
				headers: { authorization: `Bearer ${ownerToken}`, 'content-type': 'application/json' },
				body: JSON.stringify({ role })
			});
			if (res.status !== 201) throw new Error(`invite: ${res.status}`);
			return ((await res.json()) as InviteResponse).token;
		},
		async stop() {
			await relay.close();
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				if ('closeAllConnections' in server) server.closeAllConnections();
			});
		}
	};
}

export interface Client {
	doc: Y.Doc;
	provider: WebsocketProvider;
	destroy(): void;
}

/** A real y-websocket client (BroadcastChannel off, so only the relay connects clients). */
export function connectClient(relay: RunningRelay, room: string, token: string, doc = new Y.Doc()): Client {
	const provider = new WebsocketProvider(relay.wsUrl, room, doc, {
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
		params: { token },
		disableBc: true
	});
	return {
		doc,
		provider,
		destroy() {
			provider.destroy();
			doc.destroy();
		}
	};
}

export function synced(client: Client): Promise<void> {
	if (client.provider.synced) return Promise.resolve();
	return new Promise((resolve) => {
		const onSync = (isSynced: boolean) => {
			if (!isSynced) return;
			client.provider.off('sync', onSync);
			resolve();
		};
		client.provider.on('sync', onSync);
	});
}

/** Resolves once `condition` holds, re-checking every few milliseconds (bounded by the test timeout). */
export async function until(condition: () => boolean): Promise<void> {
	while (!condition()) await new Promise((r) => setTimeout(r, 5));
}

/** Outcome of a websocket handshake attempted with a plain `ws` client. */
export function handshake(url: string, headers: Record<string, string> = {}): Promise<{ status: number } | { open: WebSocket }> {
	return new Promise((resolve, reject) => {
		const ws = new WebSocket(url, { headers });
		ws.binaryType = 'arraybuffer';
		ws.once('unexpected-response', (_req, res) => {
			resolve({ status: res.statusCode ?? 0 });
			ws.terminate();
		});
		ws.once('open', () => resolve({ open: ws }));
		ws.once('error', (e) => {
			if (ws.readyState !== WebSocket.CLOSED) reject(e);
		});
	});
}
