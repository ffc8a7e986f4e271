import type { IncomingMessage, Server } from 'node:http';
import type { Http2SecureServer, Http2Server } from 'node:http2';
import { createNodeWebSocket } from '@hono/node-ws';
import { Hono, type Context } from 'hono';
import type { RelayConfig, RelayDeps } from './config';
import { createConnectorRoutes } from './connectors/routes';
import { callerOf } from './hooks/auth';
import { createHookRoutes } from './hooks/routes';
import { createLlmRoutes } from './llm/routes';
import { securityHeaders } from './middleware/security-headers';
import { createMonitoring, type Monitoring } from './logs/service';
import type { HealthResponse } from './protocol/health';
import { createRoomRegistry, type RoomRegistry } from './rooms/registry';
import { createRoomRoutes } from './rooms/routes';
import { createTokenSigner } from './rooms/tokens';
import { serveBuild } from './static/serve-build';

/** A relay built by {@link createApp}: the Hono app plus what the Node entry wires around it. */
export interface Relay {
	app: Hono;
	/** Attaches the websocket upgrade handler to the HTTP server. */
	injectWebSocket(server: Server | Http2Server | Http2SecureServer): void;
	rooms: RoomRegistry;
	/** logs, request log, alerts; `monitoring.count('hooks.failed')` feeds the alert metric */
	monitoring: Monitoring;
	/** Closes every room socket and persists every room. */
	close(): Promise<void>;
}

const API_PREFIXES = ['/rooms', '/health', '/llm', '/hooks', '/events', '/logs', '/alerts', '/connectors'];

const isApiPath = (pathname: string) => API_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));

/**
 * The relay's routes: `/health`, `/rooms`, and the built PWA for everything else.
 * The websocket helper needs the app before any route exists, which is why this returns
 * a {@link Relay} rather than the bare app.
 *
 * @example
 * const relay = createApp(config, { store: createMemoryRoomStore() });
 * const res = await relay.app.request('/health');
 */
export function createApp(config: RelayConfig, deps: RelayDeps): Relay {
	const now = deps.now ?? Date.now;
	const onError = deps.onError ?? ((error: unknown) => console.error(error));
	const app = new Hono();
	const nodeWs = createNodeWebSocket({ app });
	// @hono/node-ws builds its WebSocketServer without options; ws reads maxPayload at each upgrade
	nodeWs.wss.options.maxPayload = config.maxMessageBytes;

	const tokens = createTokenSigner({ secret: config.secret, now });
	const rooms = createRoomRegistry({
		store: deps.store,
		maxRoomBytes: config.maxRoomBytes,
		compactEvery: config.compactEvery,
		idleUnloadMs: config.idleUnloadMs,
		limits: config.connection,
		now,
		onError
	});

	app.use('*', securityHeaders());
	const monitoring = createMonitoring(deps.monitoring ?? {}, { tokens, adminToken: config.adminToken, now, onError });
	monitoring.mount(app, isApiPath);

	app.onError((error, c) => {
		onError(error);
		return c.json({ error: 'internal error' }, 500);
	});

	app.get('/health', (c) => c.json<HealthResponse>({ ok: true, rooms: rooms.loaded().length, version: config.version }));

	app.route(
		'/rooms',
		createRoomRoutes({
			tokens,
			registry: rooms,
			store: deps.store,
			upgradeWebSocket: nodeWs.upgradeWebSocket,
			config,
			clientAddress,
			now,
			onError
		})
	);

	if (deps.connectors)
		app.route(
			'/connectors',
			createConnectorRoutes({
				...deps.connectors,
				tokens,
				now,
				isRevoked: (room, member) => deps.store.isRevoked(room, member, Math.floor(now() / 1000))
			})
		);
	if (deps.hooks) {
		const isRevoked = (room: string, member: string) => deps.store.isRevoked(room, member, Math.floor(now() / 1000));
		app.route('/', createHookRoutes({ hooks: deps.hooks, caller: callerOf({ tokens, adminToken: config.adminToken, isRevoked }) }));
	}
	app.route(
		'/llm',
		createLlmRoutes({
			config: config.llm,
			tokens,
			isRevoked: (room, member) => deps.store.isRevoked(room, member, Math.floor(now() / 1000)),
			fetch: deps.fetch,
			now,
			log: deps.log ?? ((line) => console.log(line))
		})
	);

	app.use('*', serveBuild({ root: config.staticDir, isExcluded: isApiPath }));

	app.notFound((c) => (isApiPath(c.req.path) ? c.json({ error: 'not found' }, 404) : c.text('Not found', 404)));

	return {
		app,
		injectWebSocket: nodeWs.injectWebSocket,
		rooms,
		monitoring,
		async close() {
			monitoring.stop();
			await rooms.close();
			for (const socket of nodeWs.wss.clients) socket.terminate();
		}
	};
}

function clientAddress(c: Context): string {
	const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
	return incoming?.socket.remoteAddress ?? 'unknown';
}
