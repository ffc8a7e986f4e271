import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ROLES, ROOM_ID_PATTERN, type Role, type TokenClaims } from '../protocol/rooms';

export type VerifyResult = { ok: true; claims: TokenClaims } | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

export interface IssueOptions {
	/** lifetime of the token for joining, in seconds */
	ttlSeconds: number;
	/** how long it can be renewed, in seconds from now */
	renewableSeconds: number;
	/** the member it belongs to; a new member when absent */
	member?: string;
}

export interface TokenSigner {
	/** Signs a token for `room` and `role`; a number is a lifetime that is also the renewal window. */
	issue(room: string, role: Role, lifetime: number | IssueOptions): { token: string; claims: TokenClaims };
	/** Checks signature, form and `exp`; with `renewal`, `rexp` instead of `exp`. */
	verify(token: string, options?: { renewal?: boolean }): VerifyResult;
}

export interface TokenSignerOptions {
	secret: string;
	/** clock in milliseconds; injectable for tests */
	now?: () => number;
}

const MIN_SECRET_LENGTH = 32;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * Room tokens: `base64url(JSON claims) "." base64url(HMAC-SHA256(secret, first part))`. Exactly
 * one spelling of a token verifies: unpadded base64url that re-encodes to itself, and claims
 * JSON written in the signer's own key order.
 *
 * @example
 * const tokens = createTokenSigner({ secret });
 * const { token } = tokens.issue('abc', 'viewer', { ttlSeconds: 3600, renewableSeconds: 86_400 });
 * tokens.verify(token); // { ok: true, claims: { room: 'abc', role: 'viewer', exp, jti, sub, rexp } }
 */
export function createTokenSigner({ secret, now = Date.now }: TokenSignerOptions): TokenSigner {
	if (secret.length < MIN_SECRET_LENGTH) {
		throw new Error(`RELAY_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
	}
	const mac = (payload: string) => createHmac('sha256', secret).update(payload).digest();

	return {
		issue(room, role, lifetime) {
			const { ttlSeconds, renewableSeconds, member } =
				typeof lifetime === 'number' ? { ttlSeconds: lifetime, renewableSeconds: lifetime } : lifetime;
			const t = Math.floor(now() / 1000);
			const claims = canonicalClaims({
				room,
				role,
				exp: t + Math.floor(ttlSeconds),
				jti: randomBytes(12).toString('base64url'),
				sub: member ?? randomBytes(12).toString('base64url'),
				rexp: t + Math.floor(Math.max(ttlSeconds, renewableSeconds))
			});
			const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
			return { token: `${payload}.${mac(payload).toString('base64url')}`, claims };
		},
		verify(token, { renewal = false } = {}) {
			const parts = token.split('.');
			if (parts.length !== 2) return { ok: false, reason: 'malformed' };
			const [payload, signature] = parts as [string, string];
			if (!canonicalBase64url(payload) || !canonicalBase64url(signature)) return { ok: false, reason: 'malformed' };
			const given = Buffer.from(signature, 'base64url');
			const expected = mac(payload);
			if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
				return { ok: false, reason: 'signature' };
			}
			const json = Buffer.from(payload, 'base64url').toString('utf8');
			const claims = parseClaims(json);
			if (!claims || spelling(claims) !== json) return { ok: false, reason: 'malformed' };
			if ((renewal ? claims.rexp : claims.exp) * 1000 <= now()) return { ok: false, reason: 'expired' };
			return { ok: true, claims };
		}
	};
}

const canonicalBase64url = (part: string) => BASE64URL.test(part) && Buffer.from(part, 'base64url').toString('base64url') === part;

const canonicalClaims = ({ room, role, exp, jti, sub, rexp }: TokenClaims): TokenClaims => ({ room, role, exp, jti, sub, rexp });

// Tokens signed before members existed ({room, role, exp, jti}) stay valid until their exp, and renew
// into the current form: their member is their jti.
const isLegacy = (claims: TokenClaims) => claims.sub === claims.jti && claims.rexp === claims.exp;
const spelling = (claims: TokenClaims) => {
	const { room, role, exp, jti } = claims;
	return isLegacy(claims) ? JSON.stringify({ room, role, exp, jti }) : JSON.stringify(claims);
};

function parseClaims(json: string): TokenClaims | null {
	let value: unknown;
	try {
		value = JSON.parse(json);
	} catch {
		return null;
	}
	if (typeof value !== 'object' || value === null) return null;
	const { room, role, exp, jti, ...member } = value as Record<string, unknown>;
	const legacy = !('sub' in member) && !('rexp' in member);
	const { sub, rexp } = legacy ? { sub: jti, rexp: exp } : member;
	if (typeof room !== 'string' || !ROOM_ID_PATTERN.test(room)) return null;
	if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) return null;
	if (typeof exp !== 'number' || !Number.isInteger(exp) || typeof rexp !== 'number' || !Number.isInteger(rexp)) return null;
	if (typeof jti !== 'string' || typeof sub !== 'string' || sub === '') return null;
	return canonicalClaims({ room, role: role as Role, exp, jti, sub, rexp });
}
