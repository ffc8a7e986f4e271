import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTokenSigner } from '../../../../server/rooms/tokens';

const secret = 'a'.repeat(32);

describe('room tokens', () => {
	it('verifies what it issued, with the room, role, expiry and a unique id', () => {
		const t = 1_800_000_000_000;
		const tokens = createTokenSigner({ secret, now: () => t });
		const a = tokens.issue('room-1', 'viewer', 3600);
		const b = tokens.issue('room-1', 'viewer', 3600);
		expect(tokens.verify(a.token)).toEqual({
			ok: true,
			claims: { room: 'room-1', role: 'viewer', exp: t / 1000 + 3600, jti: a.claims.jti, sub: a.claims.sub, rexp: t / 1000 + 3600 }
		});
		expect(a.claims.jti).not.toBe(b.claims.jti);
		expect(a.claims.sub).not.toBe(b.claims.sub);
		expect(a.token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
	});

	it('expires exactly at exp', () => {
		let t = 1_800_000_000_000;
		const tokens = createTokenSigner({ secret, now: () => t });
		const { token } = tokens.issue('r', 'owner', 10);
		t += 9_999;
		expect(tokens.verify(token).ok).toBe(true);
		t += 1;
		expect(tokens.verify(token)).toEqual({ ok: false, reason: 'expired' });
	});

	it('rejects tokens signed with another secret or altered in any part', () => {
		const tokens = createTokenSigner({ secret });
		const other = createTokenSigner({ secret: 'b'.repeat(32) });
		const { token } = tokens.issue('r', 'viewer', 60);
		const [payload, sig] = token.split('.') as [string, string];
		const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
		const reencode = (c: object) => Buffer.from(JSON.stringify(c)).toString('base64url');

		expect(tokens.verify(other.issue('r', 'viewer', 60).token)).toEqual({ ok: false, reason: 'signature' });
		expect(tokens.verify(`${reencode({ ...claims, role: 'owner' })}.${sig}`)).toEqual({ ok: false, reason: 'signature' });
		expect(tokens.verify(`${reencode({ ...claims, room: 'other' })}.${sig}`)).toEqual({ ok: false, reason: 'signature' });
		expect(tokens.verify(`${payload}.${sig.slice(0, -3)}`)).toEqual({ ok: false, reason: 'signature' });
		expect(tokens.verify(`${payload}`)).toEqual({ ok: false, reason: 'malformed' });
		expect(tokens.verify(`${payload}.${sig}.x`)).toEqual({ ok: false, reason: 'malformed' });
		expect(tokens.verify('')).toEqual({ ok: false, reason: 'malformed' });
	});

	it('rejects correctly signed tokens whose claims are not a room grant', () => {
		const tokens = createTokenSigner({ secret });
		const sign = (claims: unknown) => {
			const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
			return `${payload}.${createHmac('sha256', secret).update(payload).digest('base64url')}`;
		};
		const exp = Math.floor(Date.now() / 1000) + 60;
		const grant = { room: 'r', role: 'owner', exp, jti: 'x', sub: 'm', rexp: exp };
		expect(tokens.verify(sign({ ...grant, role: 'admin' })).ok).toBe(false);
		expect(tokens.verify(sign({ ...grant, room: 'a b' })).ok).toBe(false);
		expect(tokens.verify(sign({ ...grant, exp: String(exp) })).ok).toBe(false);
		expect(tokens.verify(sign({ ...grant, sub: undefined })).ok).toBe(false);
		expect(tokens.verify(sign(null)).ok).toBe(false);
		expect(tokens.verify(sign(grant)).ok).toBe(true);
	});

	it('verifies exactly one spelling of a token', () => {
		const tokens = createTokenSigner({ secret });
		const { token } = tokens.issue('r', 'viewer', 60);
		const [payload, sig] = token.split('.') as [string, string];
		const resign = (p: string) => `${p}.${createHmac('sha256', secret).update(p).digest('base64url')}`;
		const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
		const { room, ...rest } = claims;
		expect(tokens.verify(`${payload}.${sig}=`).ok).toBe(false);
		expect(tokens.verify(`${payload}.${Buffer.from(sig, 'base64url').toString('base64')}`).ok).toBe(false);
		// 43 characters carry 258 bits for a 256-bit MAC: flipping an unused bit spells the same bytes
		const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
		const twin = `${sig.slice(0, -1)}${alphabet[alphabet.indexOf(sig.at(-1)!) ^ 1]}`;
		expect(Buffer.from(twin, 'base64url').equals(Buffer.from(sig, 'base64url'))).toBe(true);
		expect(tokens.verify(`${payload}.${twin}`)).toEqual({ ok: false, reason: 'malformed' });
		expect(tokens.verify(resign(`${payload}=`)).ok).toBe(false);
		expect(tokens.verify(resign(Buffer.from(JSON.stringify({ ...rest, room })).toString('base64url'))).ok).toBe(false);
		expect(tokens.verify(resign(Buffer.from(JSON.stringify(claims, null, 1)).toString('base64url'))).ok).toBe(false);
		expect(tokens.verify(resign(payload)).ok).toBe(true);
	});

	it('accepts an expired token for renewal until its rexp', () => {
		let t = 1_800_000_000_000;
		const tokens = createTokenSigner({ secret, now: () => t });
		const { token } = tokens.issue('r', 'reviewer', { ttlSeconds: 10, renewableSeconds: 100 });
		t += 50_000;
		expect(tokens.verify(token)).toEqual({ ok: false, reason: 'expired' });
		expect(tokens.verify(token, { renewal: true }).ok).toBe(true);
		t += 50_000;
		expect(tokens.verify(token, { renewal: true })).toEqual({ ok: false, reason: 'expired' });
	});

	it('refuses a short secret', () => {
		expect(() => createTokenSigner({ secret: 'short' })).toThrow(/at least 32/);
	});

	it('still verifies a token signed before members existed, as its own member, renewable until its exp', () => {
		const tokens = createTokenSigner({ secret });
		const exp = Math.floor(Date.now() / 1000) + 60;
		const payload = Buffer.from(JSON.stringify({ room: 'r', role: 'owner', exp, jti: 'j1' })).toString('base64url');
		const legacy = `${payload}.${createHmac('sha256', secret).update(payload).digest('base64url')}`;
		expect(tokens.verify(legacy)).toEqual({ ok: true, claims: { room: 'r', role: 'owner', exp, jti: 'j1', sub: 'j1', rexp: exp } });
		const odd = Buffer.from(JSON.stringify({ room: 'r', role: 'owner', exp, jti: 'j1', sub: 'j1', rexp: exp })).toString('base64url');
		expect(tokens.verify(`${odd}.${createHmac('sha256', secret).update(odd).digest('base64url')}`).ok).toBe(false);
	});
});
