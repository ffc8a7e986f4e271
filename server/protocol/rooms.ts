/** Roles a room token can carry. Only `owner` may invite; `viewer` is read-only. */
export const ROLES = ['owner', 'reviewer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Roles an owner may hand out with `POST /rooms/:room/invites`. */
export const INVITE_ROLES = ['reviewer', 'viewer'] as const;
export type InviteRole = (typeof INVITE_ROLES)[number];

/** Path prefix of the room routes: the y-websocket `serverUrl` is `ws(s)://HOST` + this. */
export const ROOMS_PATH = '/rooms';

/** Room ids are URL-safe; the relay generates 22-character ones. */
export const ROOM_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Query parameter that carries the token on the websocket URL (y-websocket `params`). */
export const TOKEN_PARAM = 'token';

/** Claims signed into a room token. */
export interface TokenClaims {
	/** room id the token is scoped to */
	room: string;
	role: Role;
	/** expiry, seconds since the Unix epoch */
	exp: number;
	/** unique token id */
	jti: string;
	/** member the token belongs to: the owner, or everyone holding one invite; revoking it revokes all its tokens */
	sub: string;
	/** until when (seconds since the epoch) `POST /rooms/:room/renew` accepts the token, even after `exp` */
	rexp: number;
}

/** Response of `POST /rooms/:room/renew` (any member, with its current token). */
export interface RenewResponse {
	token: string;
	role: Role;
	exp: number;
	rexp: number;
}

/** Response of `POST /rooms`. */
export interface CreateRoomResponse {
	room: string;
	/** owner token for the new room */
	token: string;
	/** expiry of `token`, seconds since the Unix epoch */
	exp: number;
}

/** Body of `POST /rooms/:room/invites` (sent with `Authorization: Bearer <owner token>`). */
export interface InviteRequest {
	role: InviteRole;
	/** lifetime of the invite token; defaults to the relay's token TTL, capped by its maximum */
	ttlSeconds?: number;
}

/** Response of `POST /rooms/:room/invites`. */
export interface InviteResponse {
	token: string;
	role: InviteRole;
	exp: number;
	/** the new member; `DELETE /rooms/:room/members/:member` (owner) revokes the invite and every token renewed from it */
	member: string;
}

/** Error body of every non-2xx JSON response of the relay. */
export interface ErrorResponse {
	error: string;
}

/** y-websocket message types (first varUint of every binary frame). */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

/** Close codes the relay uses on room websockets (4000-4999 is the application range). */
export const CLOSE_CODES = {
	/** the token expired while the connection was open */
	tokenExpired: 4401,
	/** the update would grow the room past the relay's MAX_ROOM_BYTES */
	roomFull: 4413,
	/** the client sent a frame the relay cannot decode */
	badMessage: 4400,
	/** this client address has as many room connections open as the relay allows */
	tooManyConnections: 4429,
	/** the owner removed this member from the room */
	revoked: 4403,
	/** the relay is shutting down */
	goingAway: 1001
} as const;

/** `GET /rooms/challenge` and the body of a 401 from `POST /rooms` on a relay with closed room creation. */
export interface RoomChallenge {
	/** opaque, signed; valid for a few minutes and once */
	challenge: string;
	/** leading zero bits SHA-256(`challenge:solution`) must have */
	bits: number;
}

/** Body of `POST /rooms` on a relay with closed room creation (else an admin bearer token). */
export interface CreateRoomRequest {
	challenge: string;
	solution: string;
}

/** Number of leading zero bits of a hash. */
export function leadingZeroBits(hash: Uint8Array): number {
	let n = 0;
	for (const byte of hash) {
		if (byte === 0) {
			n += 8;
			continue;
		}
		return n + Math.clz32(byte) - 24;
	}
	return n;
}
