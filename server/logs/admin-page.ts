import { readFileSync } from 'node:fs';
import { Hono } from 'hono';

const file = (name: string) => readFileSync(new URL(`./admin/${name}`, import.meta.url), 'utf8');
const FILES: Record<string, { body: string; type: string }> = {
	'': { body: file('page.html'), type: 'text/html; charset=utf-8' },
	'admin.js': { body: file('admin.js'), type: 'text/javascript; charset=utf-8' },
	'admin.css': { body: file('admin.css'), type: 'text/css; charset=utf-8' }
};
// the page holds no data: it asks for the admin token and calls the admin API with it
const ADMIN_CSP =
	"default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The relay's admin page (`GET /logs/admin`): log viewer, error tracker, request charts, alert rules. */
export function createAdminPage() {
	const page = new Hono();
	page.get('/:file{admin\\.(js|css)}?', (c) => {
		const f = FILES[c.req.param('file') ?? ''];
		if (!f) return c.json({ error: 'not found' }, 404);
		return c.body(f.body, 200, { 'Content-Type': f.type, 'Content-Security-Policy': ADMIN_CSP, 'Cache-Control': 'no-cache' });
	});
	return page;
}
