import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { RequestLine } from './store';
import { newTraceId, relaySpan, traceIdOf } from './traceparent';

export interface RequestLogOptions {
	record: (line: RequestLine) => void;
	now: () => number;
	/** requests for these paths (the built app's files) are not logged */
	isExcluded?: (pathname: string) => boolean;
	/** a failure to record must not fail the request */
	onError?: (error: unknown) => void;
}

/**
 * The relay's own request log: method, matched route (never the path with its ids), status,
 * duration and trace id: the caller's from `traceparent`, else a new one. The response carries
 * a `traceparent` of the relay's span, so a client can find the relay's line for its request.
 *
 * @example
 * app.use('*', requestLog({ record: (line) => logs.recordRequest(line), now: Date.now }));
 */
export function requestLog({ record, now, isExcluded, onError }: RequestLogOptions): MiddlewareHandler {
	return async (c, next) => {
		if (isExcluded?.(c.req.path)) return next();
		const started = performance.now();
		const trace = traceIdOf(c.req.header('traceparent')) ?? newTraceId();
		try {
			await next();
		} finally {
			if (c.res.status !== 101) c.header('traceparent', relaySpan(trace));
			try {
				record({
					time: now(),
					method: c.req.method,
					route: matchedRoutes(c).findLast((r) => r.method !== 'ALL')?.path ?? '(no route)',
					status: c.error ? 500 : c.res.status,
					durationMs: Math.round((performance.now() - started) * 10) / 10,
					trace
				});
			} catch (error) {
				onError?.(error);
			}
		}
	};
}
