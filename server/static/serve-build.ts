import { createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Context, MiddlewareHandler } from 'hono';
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
 * deploy reaches clients through the service worker's update check.
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
	return async (c, next) => {
		if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
		const pathname = decodePath(c.req.path);
		if (pathname === null || isExcluded(pathname)) return next();

		const relative = pathname.replace(/^\/+/, '');
		const candidates = relative === '' ? ['index.html'] : [relative, `${relative}.html`, `${relative}/index.html`];
		for (const candidate of candidates) {
			const found = await findFile(base, candidate);
			if (found) return send(c, found.file, found.stats, pathname);
		}
		if (isNavigation(pathname)) {
			const found = await findFile(base, fallback);
			if (found) return send(c, found.file, found.stats, pathname);
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
	if (decoded.includes('\0') || decoded.split('/').some((s) => s === '..' || s.includes('\\'))) return null;
	return decoded;
}

function isNavigation(pathname: string): boolean {
	if (pathname.startsWith('/_app/')) return false;
	const last = pathname.slice(pathname.lastIndexOf('/') + 1);
	return !last.includes('.') || last.endsWith('.html');
}

async function findFile(base: string, relative: string) {
	const file = path.resolve(base, relative);
	if (file !== base && !file.startsWith(base + path.sep)) return null;
	try {
		const stats = await stat(file);
		return stats.isFile() ? { file, stats } : null;
	} catch {
		return null;
	}
}

function send(c: Context, file: string, stats: Stats, pathname: string): Response {
	const etag = `W/"${stats.size.toString(36)}-${Math.floor(stats.mtimeMs).toString(36)}"`;
	const headers = new Headers({
		'Content-Type': contentType(file),
		'Cache-Control': pathname.startsWith(IMMUTABLE)
			? 'public, max-age=31536000, immutable'
			: 'no-cache',
		ETag: etag,
		'X-Content-Type-Options': 'nosniff'
	});
	if (c.req.header('if-none-match') === etag) return new Response(null, { status: 304, headers });
	headers.set('Content-Length', String(stats.size));
	if (c.req.method === 'HEAD') return new Response(null, { status: 200, headers });
	const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
	return new Response(body, { status: 200, headers });
}
