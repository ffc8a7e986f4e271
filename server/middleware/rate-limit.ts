import type { Context, MiddlewareHandler } from 'hono';

export interface RateLimitOptions {
	/** requests allowed per key and window */
	limit: number;
	windowMs: number;
	/** the client a request counts against, e.g. its address */
	key: (c: Context) => string;
	/** clock in milliseconds; injectable for tests */
	now?: () => number;
}

const SWEEP_AT = 10_000;

/**
 * Fixed-window rate limit per key; over the limit → 429 with `Retry-After`.
 *
 * @example
 * app.post('/rooms', rateLimit({ limit: 30, windowMs: 60_000, key: clientAddress }), createRoom);
 */
export function rateLimit({ limit, windowMs, key, now = Date.now }: RateLimitOptions): MiddlewareHandler {
	const windows = new Map<string, { start: number; count: number }>();
	return async (c, next) => {
		const t = now();
		if (windows.size >= SWEEP_AT) {
			for (const [k, w] of windows) if (t - w.start >= windowMs) windows.delete(k);
		}
		const k = key(c);
		let w = windows.get(k);
		if (!w || t - w.start >= windowMs) {
			w = { start: t, count: 0 };
			windows.set(k, w);
		}
		w.count += 1;
		if (w.count > limit) {
			c.header('Retry-After', String(Math.ceil((w.start + windowMs - t) / 1000)));
			return c.json({ error: 'too many requests' }, 429);
		}
		await next();
	};
}
