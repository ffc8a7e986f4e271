import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { UpgradeWebSocket } from 'hono/ws';
import { roomAuth, type RoomAuthEnv } from '../middleware/room-auth';
import { rateLimit } from '../middleware/rate-limit';
import { INVITE_ROLES, ROOM_ID_PATTERN, type CreateRoomResponse, type InviteResponse, type InviteRole } from '../protocol/rooms';
import type { RoomRegistry } from './registry';
import { roomSocket } from './socket';
import type { TokenSigner } from './tokens';

export interface RoomRoutesOptions {
	tokens: TokenSigner;
	registry: RoomRegistry;
	upgradeWebSocket: UpgradeWebSocket;
	/** default token lifetime */
	tokenTtlSeconds: number;
	/** longest lifetime an invite may ask for */
	maxTokenTtlSeconds: number;
	/** room creations allowed per client address and minute */
	createRoomsPerMinute: number;
	clientAddress: (c: Context) => string;
	now: () => number;
	onError: (error: unknown) => void;
}

/**
 * `POST /rooms`, `POST /rooms/:room/invites` and the room websocket `GET /rooms/:room`
 * (mounted under `/rooms`).
 */
export function createRoomRoutes(options: RoomRoutesOptions) {
	const { tokens, registry, now } = options;
	const rooms = new Hono<RoomAuthEnv>();

	rooms.use('/:room/*', validRoom);
	rooms.use('/:room', validRoom);

	rooms.post('/', rateLimit({ limit: options.createRoomsPerMinute, windowMs: 60_000, key: options.clientAddress, now }), (c) => {
		const room = randomBytes(16).toString('base64url');
		const { token, claims } = tokens.issue(room, 'owner', options.tokenTtlSeconds);
		return c.json<CreateRoomResponse>({ room, token, exp: claims.exp }, 201);
	});

	rooms.post(
		'/:room/invites',
		roomAuth({ tokens, roles: ['owner'] }),
		bodyLimit({ maxSize: 4096, onError: (c) => c.json({ error: 'body too large' }, 413) }),
		async (c) => {
			let body: unknown;
			try {
				body = await c.req.json();
			} catch {
				return c.json({ error: 'body must be JSON' }, 400);
			}
			const { role, ttlSeconds } = (body ?? {}) as Record<string, unknown>;
			if (typeof role !== 'string' || !(INVITE_ROLES as readonly string[]).includes(role)) {
				return c.json({ error: `role must be one of ${INVITE_ROLES.join(', ')}` }, 400);
			}
			const ttl = ttlSeconds ?? options.tokenTtlSeconds;
			if (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl <= 0 || ttl > options.maxTokenTtlSeconds) {
				return c.json({ error: `ttlSeconds must be an integer in 1..${options.maxTokenTtlSeconds}` }, 400);
			}
			const { token, claims } = tokens.issue(c.var.grant.room, role as InviteRole, ttl);
			return c.json<InviteResponse>({ token, role: role as InviteRole, exp: claims.exp }, 201);
		}
	);

	rooms.get(
		'/:room',
		roomAuth({ tokens }),
		options.upgradeWebSocket((c) => roomSocket(registry, c.get('grant'), now, options.onError)),
		(c) => c.json({ error: 'this endpoint speaks the y-websocket protocol; open a websocket' }, 426)
	);

	return rooms;
}

async function validRoom(c: Context, next: () => Promise<void>) {
	const room = c.req.param('room');
	if (room !== undefined && !ROOM_ID_PATTERN.test(room)) return c.json({ error: 'bad room id' }, 400);
	await next();
}
