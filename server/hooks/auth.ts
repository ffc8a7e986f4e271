import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import type { Role } from '../protocol/rooms';
import type { TokenSigner } from '../rooms/tokens';

/** Who is calling: the relay's admin, or a member of one room. */
export type Caller = { admin: true } | { admin: false; room: string; role: Role };

export interface CallerOptions {
	tokens: TokenSigner;
	adminToken: string;
	isRevoked: (room: string, member: string) => Promise<boolean>;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/**
 * Reads the bearer token of a hooks request: the admin token, or a valid, unrevoked room token.
 * Null when there is none or it does not verify (the routes answer 401).
 */
export function callerOf({ tokens, adminToken, isRevoked }: CallerOptions) {
	const adminDigest = sha256(adminToken);
	return async (c: Context): Promise<Caller | null> => {
		const bearer = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
		if (!bearer) return null;
		if (timingSafeEqual(sha256(bearer), adminDigest)) return { admin: true };
		const result = tokens.verify(bearer);
		if (!result.ok || (await isRevoked(result.claims.room, result.claims.sub))) return null;
		return { admin: false, room: result.claims.room, role: result.claims.role };
	};
}

/** Whether `caller` may act for `room` (null: the admin's hooks) with one of `roles`. */
export const mayAct = (caller: Caller, room: string | null, roles: readonly Role[]) =>
	room === null ? caller.admin : !caller.admin && caller.room === room && roles.includes(caller.role);
