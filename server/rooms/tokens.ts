import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ROLES, ROOM_ID_PATTERN, type Role, type TokenClaims } from '../protocol/rooms';

export type VerifyResult = { ok: true; claims: TokenClaims } | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

export interface TokenSigner {
	/** Signs a token for `room` and `role` that expires `ttlSeconds` from now. */
	issue(room: string, role: Role, ttlSeconds: number): { token: string; claims: TokenClaims };
	verify(token: string): VerifyResult;
}

export interface TokenSignerOptions {
	secret: string;
	/** clock in milliseconds; injectable for tests */
	now?: () => number;
}

const MIN_SECRET_LENGTH = 32;

/**
 * Room tokens: `base64url(JSON claims) "." base64url(HMAC-SHA256(secret, first part))`.
 *
 * @example
 * const tokens = createTokenSigner({ secret });
 * const { token } = tokens.issue('abc', 'viewer', 3600);
 * tokens.verify(token); // { ok: true, claims: { room: 'abc', role: 'viewer', exp, jti } }
 */
export function createTokenSigner({ secret, now = Date.now }: TokenSignerOptions): TokenSigner {
	if (secret.length < MIN_SECRET_LENGTH) {
		throw new Error(`RELAY_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
	}
	const mac = (payload: string) => createHmac('sha256', secret).update(payload).digest();

	return {
		issue(room, role, ttlSeconds) {
			const claims: TokenClaims = {
				room,
				role,
				exp: Math.floor(now() / 1000) + Math.floor(ttlSeconds),
				jti: randomBytes(12).toString('base64url')
			};
			const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
			return { token: `${payload}.${mac(payload).toString('base64url')}`, claims };
		},
		verify(token) {
			const parts = token.split('.');
			if (parts.length !== 2) return { ok: false, reason: 'malformed' };
			const [payload, signature] = parts as [string, string];
			const given = Buffer.from(signature, 'base64url');
			const expected = mac(payload);
			if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
				return { ok: false, reason: 'signature' };
			}
			const claims = parseClaims(Buffer.from(payload, 'base64url').toString('utf8'));
			if (!claims) return { ok: false, reason: 'malformed' };
			if (claims.exp * 1000 <= now()) return { ok: false, reason: 'expired' };
			return { ok: true, claims };
		}
	};
}

function parseClaims(json: string): TokenClaims | null {
	let value: unknown;
	try {
		value = JSON.parse(json);
	} catch {
		return null;
	}
	if (typeof value !== 'object' || value === null) return null;
	const { room, role, exp, jti } = value as Record<string, unknown>;
	if (typeof room !== 'string' || !ROOM_ID_PATTERN.test(room)) return null;
	if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) return null;
	if (typeof exp !== 'number' || !Number.isInteger(exp)) return null;
	if (typeof jti !== 'string') return null;
	return { room, role: role as Role, exp, jti };
}
