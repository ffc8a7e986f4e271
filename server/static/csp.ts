import { createHash } from 'node:crypto';

/**
 * What the PWA needs: its own scripts and workers (DuckDB-WASM, onnxruntime-web, comlink) with
 * WebAssembly compilation, blob: and data: URLs for downloads and images, its relay on the same
 * origin. `style-src 'unsafe-inline'` because Svelte writes style attributes (app.html's
 * `display: contents`, style: directives). Inline scripts are allowed by hash only.
 */
const APP_DIRECTIVES = [
	"default-src 'self'",
	"script-src 'self' 'wasm-unsafe-eval'",
	"worker-src 'self' blob:",
	"connect-src 'self' blob: data:",
	"img-src 'self' blob: data:",
	"font-src 'self' data:",
	"style-src 'self' 'unsafe-inline'",
	"manifest-src 'self'",
	"object-src 'none'",
	"base-uri 'self'",
	"form-action 'self'",
	"frame-ancestors 'none'"
];

/** Policy of the app's other files: a worker runs under the policy its script came with. */
export const APP_CSP = APP_DIRECTIVES.join('; ');

/** Policy of every response that is not an app file: nothing may load, nothing may frame it. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

const INLINE_SCRIPT = /<script(?![^>]*\ssrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi;

/**
 * The policy of one app page: {@link APP_DIRECTIVES} with the SHA-256 of each inline script it
 * holds (SvelteKit's static adapter writes its bootstrap inline), so no other inline script runs.
 */
export function pageCsp(html: string): string {
	const hashes = [...html.matchAll(INLINE_SCRIPT)].map((m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`);
	return APP_DIRECTIVES.map((d) => (d.startsWith('script-src ') && hashes.length > 0 ? `${d} ${hashes.join(' ')}` : d)).join('; ');
}
