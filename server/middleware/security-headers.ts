import type { MiddlewareHandler } from 'hono';
import { API_CSP } from '../static/csp';

const SWITCHING_PROTOCOLS = 101;

/**
 * Headers every response carries: no MIME sniffing, no referrer, no framing, and a policy that
 * loads nothing unless the handler set its own (app pages do, see `static/csp.ts`).
 *
 * @example
 * app.use('*', securityHeaders());
 */
export function securityHeaders(): MiddlewareHandler {
	return async (c, next) => {
		await next();
		if (c.res.status === SWITCHING_PROTOCOLS) return;
		const headers = c.res.headers;
		headers.set('X-Content-Type-Options', 'nosniff');
		headers.set('Referrer-Policy', 'no-referrer');
		headers.set('X-Frame-Options', 'DENY');
		if (!headers.has('Content-Security-Policy')) headers.set('Content-Security-Policy', API_CSP);
	};
}
