import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { UpgradeWebSocket } from 'hono/ws';
import type { RelayConfig } from '../config';
import { originCheck } from '../middleware/origin-check';
import { roomAuth, type RoomAuthEnv } from '../middleware/room-auth';
import { rateLimit } from '../middleware/rate-limit';
import {
	CLOSE_CODES,
	INVITE_ROLES,
	ROOM_ID_PATTERN,
	type CreateRoomResponse,
	type InviteResponse,
	type InviteRole,
	type RenewResponse,
	type RoomChallenge
} from '../protocol/rooms';
import { createAddressSlots } from './address-slots';
import { createProofOfWork } from './proof-of-work';
import type { RoomRegistry } from './registry';
import { roomSocket } from './socket';
import type { TokenSigner } from './tokens';
import type { RoomStore } from '../store/types';

export interface RoomRoutesOptions {
	tokens: TokenSigner;
	registry: RoomRegistry;
	store: RoomStore;
	upgradeWebSocket: UpgradeWebSocket;
	config: RelayConfig;
	clientAddress: (c: Context) => string;
	now: () => number;
	onError: (error: unknown) => void;
}

const CHALLENGE_TTL_MS = 5 * 60_000;
const SMALL_BODY = bodyLimit({ maxSize: 4096, onError: (c) => c.json({ error: 'body too large' }, 413) });

/**
 * `POST /rooms`, `GET /rooms/challenge`, `POST /rooms/:room/invites` and the room websocket
 * `GET /rooms/:room` (mounted under `/rooms`).
 */
export function createRoomRoutes(options: RoomRoutesOptions) {
	const { tokens, registry, store, config, clientAddress, now } = options;
	const seconds = () => Math.floor(now() / 1000);
	const isRevoked = (room: string, member: string) => store.isRevoked(room, member, seconds());
	const auth = (opts: Omit<Parameters<typeof roomAuth>[0], 'tokens' | 'isRevoked'> = {}) => roomAuth({ tokens, isRevoked, ...opts });
	const joinTtl = config.tokenTtlSeconds;
	const rooms = new Hono<RoomAuthEnv>();
	const slots = createAddressSlots(config.maxConnectionsPerAddress);
	const pow = createProofOfWork({ secret: config.secret, bits: config.roomProofBits, ttlMs: CHALLENGE_TTL_MS, now });
	const adminDigest = sha256(config.adminToken);
	const isAdmin = (c: Context) => {
		const bearer = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
		return bearer !== undefined && timingSafeEqual(sha256(bearer), adminDigest);
	};
	const solved = async (c: Context) => {
		const body = (await c.req.json().catch(() => null)) as Record<string, unknown> | null;
		const { challenge, solution } = body ?? {};
		return typeof challenge === 'string' && typeof solution === 'string' && pow.redeem(challenge, solution);
	};

	rooms.use('/:room/*', validRoom);
	rooms.use('/:room', validRoom);

	rooms.get('/challenge', (c) => c.json<RoomChallenge>(pow.challenge()));

	rooms.post('/', rateLimit({ limit: config.createRoomsPerMinute, windowMs: 60_000, key: clientAddress, now }), SMALL_BODY, async (c) => {
		if (!config.openRooms && !isAdmin(c) && !(await solved(c))) {
			return c.json({ error: 'creating a room needs the admin token or a solved challenge', ...pow.challenge() }, 401);
		}
		const room = randomBytes(16).toString('base64url');
		const { token, claims } = tokens.issue(room, 'owner', { ttlSeconds: joinTtl, renewableSeconds: config.memberRenewSeconds });
		return c.json<CreateRoomResponse>({ room, token, exp: claims.exp }, 201);
	});

	rooms.post('/:room/renew', auth({ renewal: true }), (c) => {
		const { room, role, sub } = c.var.grant;
		const { token, claims } = tokens.issue(room, role, { ttlSeconds: joinTtl, renewableSeconds: config.memberRenewSeconds, member: sub });
		return c.json<RenewResponse>({ token, role, exp: claims.exp, rexp: claims.rexp }, 201);
	});

	rooms.delete('/:room/members/:member', auth({ roles: ['owner'] }), async (c) => {
		const { room, sub } = c.var.grant;
		const member = c.req.param('member');
		if (member === sub) return c.json({ error: 'the owner cannot remove themselves' }, 400);
		// every token of the member is past its rexp by then
		await store.revokeMember(room, member, seconds() + Math.max(config.memberRenewSeconds, config.maxTokenTtlSeconds));
		registry.disconnectMember(room, member, CLOSE_CODES.revoked, 'removed from the room');
		return c.body(null, 204);
	});

	rooms.post('/:room/invites', auth({ roles: ['owner'] }), SMALL_BODY, async (c) => {
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
		const ttl = ttlSeconds ?? config.maxTokenTtlSeconds;
		if (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl <= 0 || ttl > config.maxTokenTtlSeconds) {
			return c.json({ error: `ttlSeconds must be an integer in 1..${config.maxTokenTtlSeconds}` }, 400);
		}
		const { token, claims } = tokens.issue(c.var.grant.room, role as InviteRole, {
			ttlSeconds: Math.min(ttl, joinTtl),
			renewableSeconds: ttl
		});
		return c.json<InviteResponse>({ token, role: role as InviteRole, exp: claims.exp, member: claims.sub }, 201);
	});

	rooms.get(
		'/:room',
		originCheck({ publicUrl: config.publicUrl, allowed: config.allowedOrigins }),
		auth(),
		async (c, next) => {
			if (!slots.available(clientAddress(c))) return c.json({ error: 'too many connections from this address' }, 429);
			await next();
		},
		options.upgradeWebSocket((c) =>
			roomSocket({
				registry,
				grant: c.get('grant'),
				address: clientAddress(c),
				slots,
				limits: config.connection,
				now,
				onError: options.onError
			})
		),
		(c) => c.json({ error: 'this endpoint speaks the y-websocket protocol; open a websocket' }, 426)
	);

	return rooms;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest();

async function validRoom(c: Context, next: () => Promise<void>) {
	const room = c.req.param('room');
	if (room !== undefined && !ROOM_ID_PATTERN.test(room)) return c.json({ error: 'bad room id' }, 400);
	await next();
}
