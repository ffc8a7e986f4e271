import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { roomAuth, type RoomAuthEnv } from '../../../../server/middleware/room-auth';
import { createTokenSigner } from '../../../../server/rooms/tokens';

const tokens = createTokenSigner({ secret: 's'.repeat(32) });

function app() {
	const a = new Hono<RoomAuthEnv>();
	a.get('/any/:room', roomAuth({ tokens }), (c) => c.json(c.var.grant));
	a.get('/owner/:room', roomAuth({ tokens, roles: ['owner'] }), (c) => c.json(c.var.grant));
	return a;
}

describe('roomAuth middleware', () => {
	it('admits a valid token from the Authorization header or the query, and exposes its claims', async () => {
		const { token, claims } = tokens.issue('r1', 'viewer', 60);
		const viaHeader = await app().request('/any/r1', { headers: { authorization: `Bearer ${token}` } });
		expect(viaHeader.status).toBe(200);
		expect(await viaHeader.json()).toEqual(claims);
		const viaQuery = await app().request(`/any/r1?token=${token}`);
		expect(await viaQuery.json()).toEqual(claims);
	});

	it('401 without a token or with an invalid one, with WWW-Authenticate', async () => {
		const missing = await app().request('/any/r1');
		expect(missing.status).toBe(401);
		expect(missing.headers.get('www-authenticate')).toBe('Bearer');
		const bad = await app().request('/any/r1', { headers: { authorization: 'Bearer x.y' } });
		expect(bad.status).toBe(401);
		expect(bad.headers.get('www-authenticate')).toContain('invalid_token');
	});

	it('403 for a token of another room or a role not allowed', async () => {
		const viewer = tokens.issue('r1', 'viewer', 60).token;
		expect((await app().request(`/any/r2?token=${viewer}`)).status).toBe(403);
		expect((await app().request(`/owner/r1?token=${viewer}`)).status).toBe(403);
		const owner = tokens.issue('r1', 'owner', 60).token;
		expect((await app().request(`/owner/r1?token=${owner}`)).status).toBe(200);
	});
});
