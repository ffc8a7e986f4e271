import type { Context, MiddlewareHandler } from 'hono';
import { TOKEN_PARAM, type Role, type TokenClaims } from '../protocol/rooms';
import type { TokenSigner } from '../rooms/tokens';

export interface RoomAuthOptions {
	tokens: TokenSigner;
	/** roles allowed through; all by default */
	roles?: readonly Role[];
	/** route parameter holding the room id */
	param?: string;
	/** the room instead of a route parameter (e.g. from the query); `null` admits a token for any room */
	room?: (c: Context) => string | null;
	/** accept a token past `exp` while it is renewable (`POST /rooms/:room/renew`) */
	renewal?: boolean;
	/** whether the owner removed this member */
	isRevoked?: (room: string, member: string) => Promise<boolean>;
}

/** Context variables set by {@link roomAuth}. */
export type RoomAuthEnv = { Variables: { grant: TokenClaims } };

/**
 * Admits a request only with a valid token for the route's room, from `Authorization: Bearer`
 * or the `?token=` query parameter (browsers cannot set headers on websockets), and puts its
 * claims in `c.var.grant`. No or a bad token → 401; a token for another room or role → 403.
 * Runs before the websocket upgrade, so a refused client never gets a socket.
 *
 * @example
 * app.post('/rooms/:room/invites', roomAuth({ tokens, roles: ['owner'] }), (c) => c.json(c.var.grant));
 */
export function roomAuth({
	tokens,
	roles,
	param = 'room',
	room,
	renewal = false,
	isRevoked
}: RoomAuthOptions): MiddlewareHandler<RoomAuthEnv> {
	return async (c, next) => {
		const header = c.req.header('authorization');
		const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
		const token = bearer ?? c.req.query(TOKEN_PARAM);
		if (!token) {
			c.header('WWW-Authenticate', 'Bearer');
			return c.json({ error: 'missing token' }, 401);
		}
		const result = tokens.verify(token, { renewal });
		if (!result.ok) {
			c.header('WWW-Authenticate', `Bearer error="invalid_token"`);
			return c.json({ error: `invalid token (${result.reason})` }, 401);
		}
		const wanted = room ? room(c) : c.req.param(param);
		if (wanted !== null && result.claims.room !== wanted) {
			return c.json({ error: 'token is for another room' }, 403);
		}
		if (await isRevoked?.(result.claims.room, result.claims.sub)) {
			c.header('WWW-Authenticate', `Bearer error="invalid_token"`);
			return c.json({ error: 'invalid token (revoked)' }, 401);
		}
		if (roles && !roles.includes(result.claims.role)) {
			return c.json({ error: `role ${result.claims.role} may not do this` }, 403);
		}
		c.set('grant', result.claims);
		await next();
	};
}
