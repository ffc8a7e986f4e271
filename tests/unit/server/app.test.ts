import { describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import type { CreateRoomResponse, InviteResponse } from '../../../server/protocol/rooms';
import { createTokenSigner } from '../../../server/rooms/tokens';
import { createMemoryRoomStore } from '../../../server/store/memory';
import { SECRET, testConfig } from './relay-harness';

const T0 = 1_800_000_000_000;

function relay(overrides: Parameters<typeof testConfig>[0] = {}) {
	const errors: unknown[] = [];
	const r = createApp(testConfig(overrides), {
		store: createMemoryRoomStore(),
		now: () => T0,
		onError: (e) => errors.push(e)
	});
	return { app: r.app, errors };
}

async function createRoom(app: ReturnType<typeof relay>['app']) {
	const res = await app.request('/rooms', { method: 'POST' });
	expect(res.status).toBe(201);
	return (await res.json()) as CreateRoomResponse;
}

function invite(app: ReturnType<typeof relay>['app'], room: string, token: string | null, body: unknown) {
	return app.request(`/rooms/${room}/invites`, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			...(token === null ? {} : { authorization: `Bearer ${token}` })
		},
		body: typeof body === 'string' ? body : JSON.stringify(body)
	});
}

describe('relay HTTP', () => {
	it('GET /health reports ok, loaded rooms and version', async () => {
		const { app } = relay({ version: '9.9.9' });
		const res = await app.request('/health');
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ ok: true, rooms: 0, version: '9.9.9' });
	});

	it('POST /rooms creates a fresh room with an owner token for a day, renewable for 30 days', async () => {
		const { app } = relay();
		const a = await createRoom(app);
		const b = await createRoom(app);
		expect(a.room).toMatch(/^[A-Za-z0-9_-]{22}$/);
		expect(a.room).not.toBe(b.room);
		const verified = createTokenSigner({ secret: SECRET, now: () => T0 }).verify(a.token);
		expect(verified).toMatchObject({
			ok: true,
			claims: { room: a.room, role: 'owner', exp: T0 / 1000 + 86400, rexp: T0 / 1000 + 30 * 86400 }
		});
		expect(a.exp).toBe(T0 / 1000 + 86400);
	});

	it('rate-limits room creation per client', async () => {
		const { app } = relay({ createRoomsPerMinute: 2 });
		expect((await app.request('/rooms', { method: 'POST' })).status).toBe(201);
		expect((await app.request('/rooms', { method: 'POST' })).status).toBe(201);
		const third = await app.request('/rooms', { method: 'POST' });
		expect(third.status).toBe(429);
		expect(third.headers.get('retry-after')).toBe('60');
	});

	it('an owner invites reviewers and viewers; the token carries that role for that room', async () => {
		const { app } = relay();
		const { room, token } = await createRoom(app);
		const signer = createTokenSigner({ secret: SECRET, now: () => T0 });
		for (const role of ['reviewer', 'viewer'] as const) {
			const res = await invite(app, room, token, { role, ttlSeconds: 600 });
			expect(res.status).toBe(201);
			const body = (await res.json()) as InviteResponse;
			expect(body).toMatchObject({ role, exp: T0 / 1000 + 600 });
			expect(signer.verify(body.token)).toMatchObject({ ok: true, claims: { room, role, exp: T0 / 1000 + 600 } });
		}
	});

	it('only the owner of that room may invite', async () => {
		const { app } = relay();
		const { room, token } = await createRoom(app);
		const other = await createRoom(app);
		const reviewer = ((await (await invite(app, room, token, { role: 'reviewer' })).json()) as InviteResponse).token;

		expect((await invite(app, room, null, { role: 'viewer' })).status).toBe(401);
		expect((await invite(app, room, 'nope.nope', { role: 'viewer' })).status).toBe(401);
		expect((await invite(app, room, reviewer, { role: 'viewer' })).status).toBe(403);
		expect((await invite(app, room, other.token, { role: 'viewer' })).status).toBe(403);
	});

	it('validates the invite body', async () => {
		const { app } = relay({ maxTokenTtlSeconds: 1000 });
		const { room, token } = await createRoom(app);
		expect((await invite(app, room, token, { role: 'owner' })).status).toBe(400);
		expect((await invite(app, room, token, {})).status).toBe(400);
		expect((await invite(app, room, token, 'not json')).status).toBe(400);
		expect((await invite(app, room, token, { role: 'viewer', ttlSeconds: 0 })).status).toBe(400);
		expect((await invite(app, room, token, { role: 'viewer', ttlSeconds: 1.5 })).status).toBe(400);
		expect((await invite(app, room, token, { role: 'viewer', ttlSeconds: 1001 })).status).toBe(400);
		expect((await invite(app, room, token, { role: 'viewer', ttlSeconds: 1000 })).status).toBe(201);
		expect((await invite(app, room, token, { role: 'viewer', pad: 'x'.repeat(5000) })).status).toBe(413);
	});

	it('GET /rooms/:room without a websocket upgrade: 426 with a token, 401 without', async () => {
		const { app } = relay();
		const { room, token } = await createRoom(app);
		expect((await app.request(`/rooms/${room}?token=${token}`)).status).toBe(426);
		expect((await app.request(`/rooms/${room}`)).status).toBe(401);
		expect((await app.request(`/rooms/not%20valid?token=${token}`)).status).toBe(400);
	});

	it('unknown API paths are JSON 404s, never the app page', async () => {
		const { app } = relay();
		for (const p of ['/rooms/abc/nope', '/health/x', '/llm/chat', '/hooks']) {
			const res = await app.request(p);
			expect(res.status).toBe(404);
			expect(await res.json()).toEqual({ error: 'not found' });
		}
	});
});
