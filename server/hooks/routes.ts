import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
	HOOK_EVENT_TYPES,
	HOOK_FORMATS,
	type CreateHookRequest,
	type CreateHookResponse,
	type HookEventType,
	type HookFormat,
	type HookSummary,
	type QueuedResponse
} from '../protocol/hooks';
import { rateLimit } from '../middleware/rate-limit';
import { ROOM_ID_PATTERN, type Role } from '../protocol/rooms';
import { mayAct, type Caller } from './auth';
import { eventDataError } from './event-data';
import type { HookService } from './service';

export interface HookRoutesOptions {
	hooks: HookService;
	caller: (c: Context) => Promise<Caller | null>;
}

const MAX_URL = 2048;
const OWNER: readonly Role[] = ['owner'];
const REPORTERS: readonly Role[] = ['owner', 'reviewer'];
/** `POST /events` per room and minute: a check run or an export is a handful of events, not hundreds. */
export const EVENTS_PER_MINUTE = 120;
const SMALL_BODY = bodyLimit({ maxSize: 16 * 1024, onError: (c) => c.json({ error: 'body too large' }, 413) });

const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
	typeof value === 'string' && (list as readonly string[]).includes(value);

async function jsonBody(c: Context): Promise<Record<string, unknown> | null> {
	const body: unknown = await c.req.json().catch(() => null);
	return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
}

/** Why a `POST /hooks` body is not a subscription, or the request it is. */
function parseCreate(body: Record<string, unknown> | null): CreateHookRequest | string {
	if (!body) return 'body must be a JSON object';
	const { room, url, format, events } = body;
	if (room !== null && !(typeof room === 'string' && ROOM_ID_PATTERN.test(room)))
		return 'room must be a room id, or null for an admin hook';
	if (typeof url !== 'string' || url.length > MAX_URL) return `url must be a string of at most ${MAX_URL} characters`;
	if (!isOneOf<HookFormat>(HOOK_FORMATS, format)) return `format must be one of ${HOOK_FORMATS.join(', ')}`;
	if (!Array.isArray(events) || events.length === 0 || !events.every((e) => isOneOf<HookEventType>(HOOK_EVENT_TYPES, e))) {
		return `events must be a non-empty list of ${HOOK_EVENT_TYPES.join(', ')}`;
	}
	return { room, url, format, events: [...new Set(events as HookEventType[])] };
}

/**
 * `/hooks` (subscriptions, test, delivery log, redelivery) and `POST /events` (SPEC §6), mounted at `/`.
 * Room hooks are their owner's; hooks with `room: null` the admin's.
 */
export function createHookRoutes({ hooks, caller }: HookRoutesOptions) {
	const routes = new Hono<{ Variables: { caller: Caller } }>();

	const unauthorized = (c: Context) => {
		c.header('WWW-Authenticate', 'Bearer');
		return c.json({ error: 'missing or invalid token' }, 401);
	};
	const forbidden = (c: Context) => c.json({ error: 'only the owner of this room (or the admin, for admin hooks) may do this' }, 403);

	routes.use('/hooks', authenticate);
	routes.use('/hooks/*', authenticate);
	routes.use('/events', authenticate);

	async function authenticate(c: Context, next: () => Promise<void>) {
		const who = await caller(c);
		if (!who) return unauthorized(c);
		c.set('caller', who);
		await next();
	}

	/** The hook named by `:id` when the caller owns it; otherwise the response to send. */
	const ownHook = (c: Context) => {
		const hook = hooks.get(c.req.param('id') ?? '');
		if (!hook) return { response: c.json({ error: 'no such hook' }, 404) };
		if (!mayAct(c.get('caller') as Caller, hook.room, OWNER)) return { response: forbidden(c) };
		return { hook };
	};

	routes.post('/hooks', SMALL_BODY, async (c) => {
		const request = parseCreate(await jsonBody(c));
		if (typeof request === 'string') return c.json({ error: request }, 400);
		if (!mayAct(c.var.caller, request.room, OWNER)) return forbidden(c);
		const created = await hooks.subscribe(request);
		if ('error' in created) return c.json({ error: created.error }, 400);
		return c.json<CreateHookResponse>(created, 201);
	});

	routes.get('/hooks', (c) => {
		const room = c.req.query('room') ?? null;
		if (!mayAct(c.var.caller, room, OWNER)) return forbidden(c);
		return c.json<HookSummary[]>(hooks.list(room));
	});

	routes.delete('/hooks/:id', (c) => {
		const { hook, response } = ownHook(c);
		if (!hook) return response;
		hooks.remove(hook.id);
		return c.body(null, 204);
	});

	routes.post('/hooks/:id/test', (c) => {
		const { hook, response } = ownHook(c);
		if (!hook) return response;
		return c.json<QueuedResponse>({ queued: [hooks.test(hook.id)] }, 202);
	});

	routes.get('/hooks/:id/deliveries', (c) => {
		const { hook, response } = ownHook(c);
		if (!hook) return response;
		return c.json(hooks.deliveries(hook.id));
	});

	routes.post('/hooks/:id/deliveries/:message/redeliver', (c) => {
		const { hook, response } = ownHook(c);
		if (!hook) return response;
		const message = c.req.param('message');
		if (!hooks.redeliver(hook.id, message)) return c.json({ error: 'no such delivery' }, 404);
		return c.json<QueuedResponse>({ queued: [message] }, 202);
	});

	const roomOf = (c: Context) => {
		const who = c.get('caller') as Caller;
		return who.admin ? 'admin' : who.room;
	};

	routes.post('/events', SMALL_BODY, rateLimit({ limit: EVENTS_PER_MINUTE, windowMs: 60_000, key: roomOf }), async (c) => {
		const body = await jsonBody(c);
		if (!body) return c.json({ error: 'body must be a JSON object' }, 400);
		const { room, type, data } = body;
		if (typeof room !== 'string' || !ROOM_ID_PATTERN.test(room)) return c.json({ error: 'room must be a room id' }, 400);
		if (!mayAct(c.var.caller, room, REPORTERS)) return c.json({ error: 'only owners and reviewers of this room report events' }, 403);
		if (!isOneOf(HOOK_EVENT_TYPES, type)) return c.json({ error: `type must be one of ${HOOK_EVENT_TYPES.join(', ')}` }, 400);
		const why = eventDataError(data);
		if (why) return c.json({ error: why }, 400);
		return c.json<QueuedResponse>({ queued: hooks.emit(room, type, data as Record<string, unknown>) }, 202);
	});

	return routes;
}
