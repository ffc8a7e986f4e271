import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { rateLimit } from '../../../../server/middleware/rate-limit';

describe('rateLimit middleware', () => {
	it('allows `limit` requests per key and window, then 429 with Retry-After until the window ends', async () => {
		let t = 0;
		const app = new Hono();
		app.use(rateLimit({ limit: 2, windowMs: 10_000, key: (c) => c.req.header('x-client') ?? '', now: () => t }));
		app.get('/', (c) => c.text('ok'));
		const hit = async (client: string) => app.request('/', { headers: { 'x-client': client } });

		expect((await hit('a')).status).toBe(200);
		expect((await hit('a')).status).toBe(200);
		t = 4_000;
		const refused = await hit('a');
		expect(refused.status).toBe(429);
		expect(refused.headers.get('retry-after')).toBe('6');
		expect((await hit('b')).status).toBe(200);
		t = 10_000;
		expect((await hit('a')).status).toBe(200);
	});
});
