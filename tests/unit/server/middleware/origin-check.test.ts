import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { originCheck, type OriginCheckOptions } from '../../../../server/middleware/origin-check';

async function status(options: OriginCheckOptions, headers: Record<string, string>) {
	const app = new Hono();
	app.get('/rooms/x', originCheck(options), (c) => c.text('ok'));
	return (await app.request('http://relay.test/rooms/x', { headers })).status;
}

describe('originCheck', () => {
	it('admits no Origin, the Host header’s own origin and the allowed ones; refuses others', async () => {
		const allowed = ['https://sieve.example.org'];
		expect(await status({ allowed }, { host: 'relay.test' })).toBe(200);
		expect(await status({ allowed }, { host: 'relay.test', origin: 'http://relay.test' })).toBe(200);
		expect(await status({ allowed }, { host: 'relay.test', origin: 'https://sieve.example.org' })).toBe(200);
		expect(await status({ allowed }, { host: 'relay.test', origin: 'https://evil.example' })).toBe(403);
		expect(await status({ allowed }, { host: 'relay.test', origin: 'http://relay.test.evil.example' })).toBe(403);
		expect(await status({ allowed }, { host: 'relay.test', origin: 'null' })).toBe(403);
	});

	it('with RELAY_PUBLIC_URL, only that origin is the relay’s own, whatever the Host header says', async () => {
		const publicUrl = 'https://relay.example.org/';
		expect(await status({ publicUrl }, { host: 'evil.example', origin: 'https://relay.example.org' })).toBe(200);
		expect(await status({ publicUrl }, { host: 'evil.example', origin: 'http://evil.example' })).toBe(403);
		expect(await status({ publicUrl }, { host: 'relay.example.org', origin: 'http://relay.example.org' })).toBe(403);
	});
});
