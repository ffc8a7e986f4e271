import type { MiddlewareHandler } from 'hono';

export interface OriginCheckOptions {
	/** the relay's public URL (`RELAY_PUBLIC_URL`); without it the request's Host header is the relay's own host */
	publicUrl?: string;
	/** other origins allowed (`RELAY_ALLOWED_ORIGINS`), e.g. `https://sieve.example.org` */
	allowed?: readonly string[];
}

/**
 * Refuses (403) a request whose `Origin` header, when present, is neither the relay's own origin
 * nor an allowed one: a page on another site cannot open a room socket with a token it stole or
 * planted (cross-site websocket hijacking). Clients that send no Origin (tools, tests) pass.
 *
 * @example
 * app.get('/rooms/:room', originCheck({ allowed: ['https://sieve.example.org'] }), upgrade);
 */
export function originCheck({ publicUrl, allowed = [] }: OriginCheckOptions): MiddlewareHandler {
	const own = publicUrl ? new URL(publicUrl).origin : null;
	const origins = new Set(allowed.map((o) => new URL(o).origin));
	return async (c, next) => {
		const origin = c.req.header('origin');
		if (origin !== undefined && !originAllowed(origin, own ?? c.req.header('host'), origins)) {
			return c.json({ error: `origin ${origin} may not open this relay's rooms` }, 403);
		}
		await next();
	};
}

function originAllowed(origin: string, own: string | undefined, allowed: ReadonlySet<string>): boolean {
	let url: URL;
	try {
		url = new URL(origin);
	} catch {
		return false;
	}
	if (allowed.has(url.origin)) return true;
	if (own === undefined) return false;
	return own.includes('://') ? url.origin === own : url.host === own.toLowerCase();
}
