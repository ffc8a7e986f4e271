import { describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CLOSE_CODES, MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS } from '../../../../server/protocol/rooms';
import { DEFAULT_CONNECTION_LIMITS } from '../../../../server/rooms/limits';
import { handshake, synced, until } from '../relay-harness';
import { awarenessMessage, syncMessage } from './raw-socket';
import { useRelayScope } from './test-scope';

const { relayWith, client, rawSocket } = useRelayScope();

describe('room connection limits', () => {
	it('a viewer cannot speak for the owner: awareness for another connection’s client id is dropped', async () => {
		const relay = await relayWith();
		const { room, token } = await relay.createRoom();
		const owner = client(relay, room, token);
		const watcher = client(relay, room, token);
		await Promise.all([synced(owner), synced(watcher)]);
		owner.provider.awareness.setLocalState({ name: 'owner' });
		await until(() => (watcher.provider.awareness.getStates().get(owner.doc.clientID) as { name?: string })?.name === 'owner');

		const viewer = await rawSocket(relay, room, await relay.invite(room, token, 'viewer'));
		viewer.send(awarenessMessage(new Map([[owner.doc.clientID, { name: 'spoofed' }]]), 1000));
		viewer.send(awarenessMessage(new Map([[7, { name: 'viewer' }]])));
		await until(() => watcher.provider.awareness.getStates().has(7));
		expect(watcher.provider.awareness.getStates().get(owner.doc.clientID)).toEqual({ name: 'owner' });
	});

	it('closes a connection that speaks for more client ids than allowed, and removes their presence', async () => {
		const relay = await relayWith();
		const { room, token } = await relay.createRoom();
		const watcher = client(relay, room, token);
		await synced(watcher);
		const socket = await rawSocket(relay, room, await relay.invite(room, token, 'viewer'));
		const ids = Array.from({ length: DEFAULT_CONNECTION_LIMITS.awarenessClientIds }, (_, i) => 100 + i);
		for (const id of ids) socket.send(awarenessMessage(new Map([[id, { name: `n${id}` }]])));
		await until(() => ids.every((id) => watcher.provider.awareness.getStates().has(id)));
		socket.send(awarenessMessage(new Map([[999, { name: 'one too many' }]])));
		expect(await socket.closed).toBe(CLOSE_CODES.badMessage);
		await until(() => ids.every((id) => !watcher.provider.awareness.getStates().has(id)));
		expect(watcher.provider.awareness.getStates().has(999)).toBe(false);
	});

	it('closes a connection whose presence state is larger than the cap', async () => {
		const relay = await relayWith();
		const { room, token } = await relay.createRoom();
		const socket = await rawSocket(relay, room, token);
		socket.send(awarenessMessage(new Map([[5, { name: 'x'.repeat(DEFAULT_CONNECTION_LIMITS.awarenessStateBytes) }]])));
		expect(await socket.closed).toBe(CLOSE_CODES.badMessage);
	});

	it('answers a flood of query-awareness messages at most once per interval, and drops presence past the rate', async () => {
		const relay = await relayWith();
		const { room, token } = await relay.createRoom();
		const watcher = client(relay, room, token);
		await synced(watcher);
		const socket = await rawSocket(relay, room, token);
		socket.send(awarenessMessage(new Map([[5, { name: 'me' }]])));
		for (let i = 0; i < 200; i++) socket.send(new Uint8Array([MESSAGE_QUERY_AWARENESS]));
		for (let clock = 2; clock < 202; clock++) socket.send(awarenessMessage(new Map([[5, { name: `me${clock}` }]]), clock));
		await socket.relayState();
		const presence = socket.received.filter((m) => m[0] === MESSAGE_AWARENESS).length;
		// one answer to the queries, and the echo of each accepted update: at most a burst of them
		expect(presence).toBeLessThanOrEqual(2 + DEFAULT_CONNECTION_LIMITS.awarenessBurst + 5);
		expect(presence).toBeGreaterThanOrEqual(2);
		expect(watcher.provider.wsconnected).toBe(true);
	});

	it('cuts off a client that stops reading while asking for the room again and again; other rooms carry on', async () => {
		const limits = { ...DEFAULT_CONNECTION_LIMITS, sendBufferSoftBytes: 64 * 1024, sendBufferHardBytes: 256 * 1024 };
		const relay = await relayWith({ config: { connection: limits } });
		const { room, token } = await relay.createRoom();
		const writer = client(relay, room, token);
		await synced(writer);
		writer.doc.getText('note').insert(0, 'x'.repeat(256 * 1024));
		const other = await relay.createRoom();
		const a = client(relay, other.room, other.token);
		const b = client(relay, other.room, other.token);
		await Promise.all([synced(a), synced(b)]);

		const reader = await rawSocket(relay, room, token);
		await reader.relayState();
		reader.ws.pause();
		const ask = syncMessage((e) => syncProtocol.writeSyncStep1(e, new Y.Doc()));
		// 200 asks would queue ~50 MB of answers on the relay without backpressure
		for (let i = 0; i < 200; i++) reader.send(ask);
		a.doc.getMap('decisions').set('r1', 'keep');
		await until(() => b.doc.getMap('decisions').has('r1'));
		reader.ws.resume();
		expect(await reader.closed).toBe(1006);
		expect(writer.provider.wsconnected).toBe(true);
	});

	it('refuses more room sockets from one address than allowed, and admits again once one closes', async () => {
		const relay = await relayWith({ config: { maxConnectionsPerAddress: 2 } });
		const { room, token } = await relay.createRoom();
		const first = await rawSocket(relay, room, token);
		await rawSocket(relay, room, token);
		const url = `${relay.wsUrl}/${room}?token=${token}`;
		expect(await handshake(url)).toEqual({ status: 429 });
		first.ws.close();
		await first.closed;
		// the relay sees the close a moment after the client does
		let again = await handshake(url);
		while (!('open' in again)) again = await handshake(url);
		again.open.terminate();
	});

	it('refuses a room socket opened by a page of another origin, admits its own and the allowed ones', async () => {
		const relay = await relayWith({ config: { allowedOrigins: ['https://sieve.example.org'] } });
		const { room, token } = await relay.createRoom();
		const url = `${relay.wsUrl}/${room}?token=${token}`;
		expect(await handshake(url, { origin: 'https://evil.example' })).toEqual({ status: 403 });
		for (const origin of [relay.httpUrl, 'https://sieve.example.org']) {
			const ok = await handshake(url, { origin });
			expect('open' in ok).toBe(true);
			if ('open' in ok) ok.open.terminate();
		}
	});
});
