import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/** Whether a request carries `token` as its bearer token (compared in constant time). */
export function hasBearer(c: Context, token: string): boolean {
	const bearer = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
	return bearer !== undefined && timingSafeEqual(sha256(bearer), sha256(token));
}

/**
 * Admits only requests with the relay's admin token (`RELAY_ADMIN_TOKEN`) as bearer; else 401.
 *
 * @example
 * app.get('/logs', adminAuth(config.adminToken), listLogs);
 */
export function adminAuth(token: string): MiddlewareHandler {
	return async (c, next) => {
		if (!hasBearer(c, token)) {
			c.header('WWW-Authenticate', 'Bearer');
			return c.json({ error: 'the admin token is needed' }, 401);
		}
		await next();
	};
}
