import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../../server/app';
import { createMemoryRoomStore } from '../../../../server/store/memory';
import { testConfig } from '../relay-harness';

let root: string;
let app: ReturnType<typeof createApp>['app'];
const BOOTSTRAP = '\n\t\t\tstart(app);\n\t\t';
const wasm = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

beforeAll(() => {
	root = mkdtempSync(path.join(tmpdir(), 'sieve-build-'));
	const put = (file: string, content: string | Uint8Array) => {
		mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
		writeFileSync(path.join(root, file), content);
	};
	put('index.html', `<!doctype html><title>home</title><script type="module" src="/_app/x.js"></script><script>${BOOTSTRAP}</script>`);
	put('.env', 'dotfile');
	put('_app/.hidden/x.js', 'dotfile');
	put('200.html', '<!doctype html><title>spa</title>');
	put('about.html', '<!doctype html><title>about</title>');
	put('docs/index.html', '<!doctype html><title>docs</title>');
	put('sw.js', 'self.addEventListener("install", () => {});');
	put('manifest.webmanifest', '{"name":"Sieve"}');
	put('_app/immutable/entry/start.abc123.js', 'export {};');
	put('_app/version.json', '{"version":"1"}');
	put('_app/immutable/assets/duckdb-eh.wasm', wasm);
	writeFileSync(path.join(path.dirname(root), 'secret-outside.txt'), 'nope');
	symlinkSync(path.join(path.dirname(root), 'secret-outside.txt'), path.join(root, 'leak.txt'));
	symlinkSync(path.dirname(root), path.join(root, 'up'));
	symlinkSync(path.join(root, 'about.html'), path.join(root, 'alias.html'));
	app = createApp(testConfig({ staticDir: root }), { store: createMemoryRoomStore() }).app;
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('static serving of the built PWA', () => {
	it('serves the prerendered home page, revalidated on every load', async () => {
		const res = await app.request('/');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(res.headers.get('cache-control')).toBe('no-cache');
		expect(await res.text()).toContain('<title>home</title>');
	});

	it('serves prerendered pages without their .html suffix', async () => {
		expect(await (await app.request('/about')).text()).toContain('about');
		expect(await (await app.request('/docs')).text()).toContain('docs');
		expect(await (await app.request('/about.html')).text()).toContain('about');
	});

	it('caches hashed /_app/immutable assets for a year', async () => {
		const res = await app.request('/_app/immutable/entry/start.abc123.js');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
		expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
		expect(await res.text()).toBe('export {};');
		expect((await app.request('/_app/version.json')).headers.get('cache-control')).toBe('no-cache');
	});

	it('serves .wasm byte for byte as application/wasm', async () => {
		const res = await app.request('/_app/immutable/assets/duckdb-eh.wasm');
		expect(res.headers.get('content-type')).toBe('application/wasm');
		expect(res.headers.get('content-length')).toBe(String(wasm.length));
		expect(new Uint8Array(await res.arrayBuffer())).toEqual(wasm);
	});

	it('never lets the browser cache the service worker or manifest', async () => {
		const sw = await app.request('/sw.js');
		expect(sw.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
		expect(sw.headers.get('cache-control')).toBe('no-cache');
		const manifest = await app.request('/manifest.webmanifest');
		expect(manifest.headers.get('content-type')).toBe('application/manifest+json; charset=utf-8');
		expect(manifest.headers.get('cache-control')).toBe('no-cache');
	});

	it('answers unknown navigation paths with the SPA fallback page and 200', async () => {
		for (const p of ['/projects/42', '/projects/42/review', '/roomsish']) {
			const res = await app.request(p);
			expect(res.status).toBe(200);
			expect(await res.text()).toContain('<title>spa</title>');
		}
	});

	it('does not answer missing assets or API paths with the fallback page', async () => {
		expect((await app.request('/_app/immutable/entry/missing.js')).status).toBe(404);
		expect((await app.request('/favicon-missing.png')).status).toBe(404);
		expect((await app.request('/rooms/abc/nothing')).status).toBe(404);
		expect((await app.request('/logs/nothing')).status).toBe(404);
		expect((await app.request('/projects/42', { method: 'POST' })).status).toBe(404);
	});

	it('answers HEAD without a body and If-None-Match with 304', async () => {
		const head = await app.request('/sw.js', { method: 'HEAD' });
		expect(head.status).toBe(200);
		expect(head.body).toBeNull();
		const etag = head.headers.get('etag');
		expect(etag).toMatch(/^W\/".+"$/);
		const again = await app.request('/sw.js', { headers: { 'if-none-match': etag! } });
		expect(again.status).toBe(304);
	});

	it('never serves files outside the build directory', async () => {
		for (const p of ['/../secret-outside.txt', '/%2e%2e/secret-outside.txt', '/..%2fsecret-outside.txt', '/%2e%2e%5csecret-outside.txt']) {
			const res = await app.request(p);
			expect(await res.text()).not.toContain('nope');
		}
	});

	it('follows no symlink out of the build directory and serves no dotfile', async () => {
		for (const p of ['/leak.txt', '/up/secret-outside.txt', '/.env', '/_app/.hidden/x.js', '/%2eenv']) {
			const res = await app.request(p);
			expect(await res.text()).not.toMatch(/nope|dotfile/);
		}
		expect(await (await app.request('/alias.html')).text()).toContain('about');
	});

	it('gives app pages a CSP that allows their inline bootstrap by hash, and no other inline script', async () => {
		const csp = (await app.request('/')).headers.get('content-security-policy')!;
		const hash = createHash('sha256').update(BOOTSTRAP).digest('base64');
		expect(csp).toContain(`script-src 'self' 'wasm-unsafe-eval' 'sha256-${hash}'`);
		expect(csp.split('; ').find((d) => d.startsWith('script-src'))).not.toContain('unsafe-inline');
		expect(csp).toContain("frame-ancestors 'none'");
		expect((await app.request('/projects/42')).headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
	});

	it('puts the security headers on every response: pages, assets, API, errors', async () => {
		for (const p of ['/', '/sw.js', '/health', '/rooms/abc/nothing', '/favicon-missing.png']) {
			const headers = (await app.request(p)).headers;
			expect(headers.get('x-content-type-options'), p).toBe('nosniff');
			expect(headers.get('referrer-policy'), p).toBe('no-referrer');
			expect(headers.get('content-security-policy'), p).toContain("frame-ancestors 'none'");
		}
		expect((await app.request('/health')).headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
	});
});
