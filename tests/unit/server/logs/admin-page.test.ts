import { describe, expect, it } from 'vitest';
import { logsRelay } from './logs-harness';

describe('GET /logs/admin', () => {
	it('serves the admin page, its script and styles under a policy that loads only its own files', async () => {
		const r = await logsRelay();
		const page = await r.app.request('/logs/admin');
		expect(page.status).toBe(200);
		expect(page.headers.get('content-type')).toContain('text/html');
		const csp = page.headers.get('content-security-policy')!;
		expect(csp).toContain("script-src 'self'");
		expect(csp).not.toContain('unsafe');
		const html = await page.text();
		expect(html).toContain('src="/logs/admin/admin.js"');
		const script = await r.app.request('/logs/admin/admin.js');
		expect([script.status, script.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
		const js = await script.text();
		expect(js).not.toContain('innerHTML');
		expect((await r.app.request('/logs/admin/admin.css')).status).toBe(200);
		expect((await r.app.request('/logs/admin/other.js')).status).toBe(404);
	});
});
