import { createReadStream, type Stats } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Context, MiddlewareHandler } from 'hono';
import { APP_CSP, pageCsp } from './csp';
import { contentType } from './mime';

export interface ServeBuildOptions {
	/** the SvelteKit static build directory */
	root: string;
	/** page served with 200 for unknown navigation paths (adapter-static `fallback`) */
	fallback?: string;
	/** paths that never get the fallback page, e.g. API routes */
	isExcluded?: (pathname: string) => boolean;
}

const IMMUTABLE = '/_app/immutable/';

/**
 * Serves the built PWA: files as they are, prerendered pages without their `.html`, and the
 * SPA fallback page for other navigation paths. Hashed `/_app/immutable/**` is cached for a
 * year; everything else (html, `sw.js`, manifest) is revalidated on every load, so a new
 * deploy reaches clients through the service worker's update check. Dotfiles and anything a
 * symlink leads to outside the build directory are not served; pages carry their CSP.
 *
 * @example
 * app.use('*', serveBuild({ root: 'build', isExcluded: (p) => p.startsWith('/rooms') }));
 */
export function serveBuild({
	root,
	fallback = '200.html',
	isExcluded = () => false
}: ServeBuildOptions): MiddlewareHandler {
	const base = path.resolve(root);
	let realBase: Promise<string> | undefined;
	const policies = new Map<string, { etag: string; csp: string }>();
	const csp = async (file: string, etag: string) => {
		const known = policies.get(file);
		if (known?.etag === etag) return known.csp;
		const policy = pageCsp(await readFile(file, 'utf8'));
		policies.set(file, { etag, csp: policy });
		return policy;
	};
	const find = async (relative: string) => {
		realBase ??= realpath(base).catch(() => base);
		return findFile(base, await realBase, relative);
	};
	return async (c, next) => {
		if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
		const pathname = decodePath(c.req.path);
		if (pathname === null || isExcluded(pathname)) return next();

		const relative = pathname.replace(/^\/+/, '');
		const candidates = relative === '' ? ['index.html'] : [relative, `${relative}.html`, `${relative}/index.html`];
		for (const candidate of [...candidates, ...(isNavigation(pathname) ? [fallback] : [])]) {
			const found = await find(candidate);
			if (!found) continue;
			const etag = etagOf(found.stats);
			// a worker's policy is the one its script was served with, so scripts get the app's too
			const policy = found.file.endsWith('.html') ? await csp(found.file, etag) : APP_CSP;
			return send(c, found.file, found.stats, etag, policy, pathname);
		}
		return next();
	};
}

function decodePath(raw: string): string | null {
	let decoded: string;
	try {
		decoded = decodeURIComponent(raw);
	} catch {
		return null;
	}
	if (decoded.includes('\0') || decoded.split('/').some((s) => s.startsWith('.') || s.includes('\\'))) return null;
	return decoded;
}

function isNavigation(pathname: string): boolean {
	if (pathname.startsWith('/_app/')) return false;
	const last = pathname.slice(pathname.lastIndexOf('/') + 1);
	return !last.includes('.') || last.endsWith('.html');
}

const inside = (dir: string, file: string) => file.startsWith(dir + path.sep);

async function findFile(base: string, realBase: string, relative: string) {
	const file = path.resolve(base, relative);
	if (!inside(base, file)) return null;
	try {
		const real = await realpath(file);
		if (!inside(realBase, real)) return null;
		const stats = await stat(real);
		return stats.isFile() ? { file: real, stats } : null;
	} catch {
		return null;
	}
}

const etagOf = (stats: Stats) => `W/"${stats.size.toString(36)}-${Math.floor(stats.mtimeMs).toString(36)}"`;

function send(c: Context, file: string, stats: Stats, etag: string, csp: string, pathname: string): Response {
	const headers = new Headers({
		'Content-Type': contentType(file),
		'Cache-Control': pathname.startsWith(IMMUTABLE)
			? 'public, max-age=31536000, immutable'
			: 'no-cache',
		ETag: etag
	});
	headers.set('Content-Security-Policy', csp);
	if (c.req.header('if-none-match') === etag) return new Response(null, { status: 304, headers });
	headers.set('Content-Length', String(stats.size));
	if (c.req.method === 'HEAD') return new Response(null, { status: 200, headers });
	const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
	return new Response(body, { status: 200, headers });
}
