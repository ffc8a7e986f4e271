import type { MiddlewareHandler } from 'hono';
import type { TokenClaims } from '../protocol/rooms';
import type { TokenSigner } from '../rooms/tokens';

export type LlmAuthEnv = { Variables: { grant: TokenClaims } };

/**
 * A room token of an owner or reviewer, from any room: the LLM proxy serves members, not one room.
 * No or a bad token → 401; a viewer's → 403.
 */
export function memberAuth(
	tokens: TokenSigner,
	isRevoked: (room: string, member: string) => Promise<boolean>
): MiddlewareHandler<LlmAuthEnv> {
	return async (c, next) => {
		const token = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
		if (!token) {
			c.header('WWW-Authenticate', 'Bearer');
			return c.json({ error: 'missing token: the LLM proxy needs a room token (owner or reviewer)' }, 401);
		}
		const result = tokens.verify(token);
		if (!result.ok || (await isRevoked(result.claims.room, result.claims.sub))) {
			c.header('WWW-Authenticate', `Bearer error="invalid_token"`);
			return c.json({ error: `invalid token (${result.ok ? 'revoked' : result.reason})` }, 401);
		}
		if (result.claims.role === 'viewer') return c.json({ error: 'role viewer may not use the LLM' }, 403);
		c.set('grant', result.claims);
		await next();
	};
}
