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
			claims: { room: 'room-1', role: 'viewer', exp: t / 1000 + 3600, jti: a.claims.jti }
		});
		expect(a.claims.jti).not.toBe(b.claims.jti);
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
		expect(tokens.verify(`${payload}.${sig.slice(0, -2)}`)).toEqual({ ok: false, reason: 'signature' });
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
		expect(tokens.verify(sign({ room: 'r', role: 'admin', exp, jti: 'x' })).ok).toBe(false);
		expect(tokens.verify(sign({ room: 'a b', role: 'owner', exp, jti: 'x' })).ok).toBe(false);
		expect(tokens.verify(sign({ room: 'r', role: 'owner', exp: String(exp), jti: 'x' })).ok).toBe(false);
		expect(tokens.verify(sign(null)).ok).toBe(false);
		expect(tokens.verify(sign({ room: 'r', role: 'owner', exp, jti: 'x' })).ok).toBe(true);
	});

	it('refuses a short secret', () => {
		expect(() => createTokenSigner({ secret: 'short' })).toThrow(/at least 32/);
	});
});
