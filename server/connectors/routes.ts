import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { roomAuth, type RoomAuthEnv } from '../middleware/room-auth';
import type { TokenSigner } from '../rooms/tokens';
import type { ConnectorsConfig } from './config';
import { errorMessage } from './errors';
import { guardedFetch } from './guard';
import { connectorFor } from './index';
import { startPull, testConnection, type RunDeps } from './run';
import { SYNC_ID_HEADER } from '../protocol/connectors';
import type { SyncLogStore } from './sync-log';
import type { Connector, PullRequest } from './types';

export interface ConnectorRoutesDeps {
	tokens: TokenSigner;
	config: ConnectorsConfig;
	log: SyncLogStore;
	isRevoked: (room: string, member: string) => Promise<boolean>;
	now: () => number;
	/** the platform requests; guarded against private addresses by default */
	fetch?: typeof fetch;
	sleep?: (ms: number) => Promise<void>;
}

const Body = z.object({
	baseUrl: z.string().min(1).max(2048),
	credentials: z.object({
		token: z.string().max(4096).optional(),
		user: z.string().max(512).optional(),
		password: z.string().max(4096).optional()
	}),
	form: z.string().max(512),
	since: z.string().max(64).optional()
});

/**
 * `/connectors` (SPEC §6): `POST /:kind/test` and `POST /:kind/pull` for a room's owner (the room
 * is the token's), `GET /log?room=R` for its members. A pull's CSV is streamed from the platform
 * to the client as pages arrive; the relay keeps only the sync log entry.
 */
export function createConnectorRoutes(deps: ConnectorRoutesDeps): Hono<RoomAuthEnv> {
	const app = new Hono<RoomAuthEnv>();
	const fetcher = deps.fetch ?? guardedFetch(deps.config.allow);
	const owner = roomAuth({ tokens: deps.tokens, roles: ['owner'], room: () => null, isRevoked: deps.isRevoked });
	const limit = bodyLimit({ maxSize: 64 * 1024, onError: (c) => c.json({ error: 'body too large' }, 413) });

	const runDeps = (room: string): RunDeps => ({
		fetch: fetcher,
		sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
		random: Math.random,
		now: deps.now,
		retry: deps.config.retry,
		timeoutMs: deps.config.timeoutMs,
		pageSize: deps.config.pageSize,
		room,
		log: (entry) => deps.log.append(entry)
	});

	async function read(c: {
		req: { param(k: 'kind'): string; json(): Promise<unknown> };
	}): Promise<{ connector: Connector; req: PullRequest } | string> {
		const connector = connectorFor(c.req.param('kind'));
		if (!connector) return `unknown platform ${c.req.param('kind')} (kobo, odk, qualtrics or redcap)`;
		const parsed = Body.safeParse(await c.req.json().catch(() => null));
		if (!parsed.success)
			return `the body must be {baseUrl, credentials: {token} or {user, password}, form, since?}: ${parsed.error.issues[0]?.path.join('.') || 'not JSON'} ${parsed.error.issues[0]?.message ?? ''}`.trim();
		return { connector, req: parsed.data };
	}

	const failure = (error: unknown, connector: Connector, syncId: string | null) => ({
		error: errorMessage(error),
		class: connector.classify(error),
		syncId
	});

	app.post('/:kind/test', limit, owner, async (c) => {
		const r = await read(c);
		if (typeof r === 'string') return c.json({ error: r }, 400);
		const entries: string[] = [];
		const d = runDeps(c.var.grant.room);
		try {
			const info = await testConnection(r.connector, r.req, { ...d, log: (e) => (entries.push(e.id), d.log(e)) });
			return c.json(info);
		} catch (error) {
			return c.json(failure(error, r.connector, entries[0] ?? null), 502);
		}
	});

	app.post('/:kind/pull', limit, owner, async (c) => {
		const r = await read(c);
		if (typeof r === 'string') return c.json({ error: r }, 400);
		const entries: string[] = [];
		const d = runDeps(c.var.grant.room);
		let pull;
		try {
			pull = await startPull(r.connector, r.req, { ...d, log: (e) => (entries.push(e.id), d.log(e)) });
		} catch (error) {
			return c.json(failure(error, r.connector, entries[0] ?? null), 502);
		}
		const chunks = pull.chunks;
		const encoder = new TextEncoder();
		const body = new ReadableStream<Uint8Array>({
			async pull(controller) {
				try {
					const next = await chunks.next();
					if (next.done) controller.close();
					else controller.enqueue(encoder.encode(next.value));
				} catch (error) {
					// the status is already sent: cutting the stream is how the client learns it is incomplete
					controller.error(error);
				}
			},
			async cancel() {
				await chunks.return(undefined);
			}
		});
		return new Response(body, {
			headers: { 'content-type': 'text/csv; charset=utf-8', 'cache-control': 'no-store', [SYNC_ID_HEADER]: pull.id }
		});
	});

	app.get(
		'/log',
		async (c, next) => (c.req.query('room') ? next() : c.json({ error: 'give ?room=ROOM' }, 400)),
		roomAuth({ tokens: deps.tokens, room: (c) => c.req.query('room') ?? '', isRevoked: deps.isRevoked }),
		(c) => c.json(deps.log.list(c.var.grant.room, Math.min(Number(c.req.query('limit') ?? 100) || 100, 1000)))
	);

	return app;
}
