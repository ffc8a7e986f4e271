function randomHex(bytes: number): string {
	const b = new Uint8Array(bytes);
	// all-zero ids are invalid in W3C trace context; 2^-64 odds, but cheap to rule out
	do crypto.getRandomValues(b);
	while (b.every((x) => x === 0));
	return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/** A new 32-hex W3C trace id (never all zeros). */
export const newTraceId = (): string => randomHex(16);

/** A new 16-hex W3C span (parent) id (never all zeros). */
export const newSpanId = (): string => randomHex(8);

/**
 * A `traceparent` header value for one request of a trace (version 00, sampled).
 * @example traceparent('4bf92f3577b34da6a3ce929d0e0e4736') // '00-4bf92f35…-00f067aa0ba902b7-01'
 */
export function traceparent(traceId: string, spanId = newSpanId()): string {
	return `00-${traceId}-${spanId}-01`;
}

let page: string | null = null;

/** This page's (or worker's) trace id: every log entry and relay request of the session carries it. */
export const sessionTrace = (): string => (page ??= newTraceId());

/**
 * `fetch` to the relay with this session's `traceparent`, so the relay's request log line for it
 * can be found from the browser's log.
 */
export function tracedFetch(input: string | URL, init: RequestInit = {}): Promise<Response> {
	const headers = new Headers(init.headers);
	headers.set('traceparent', traceparent(sessionTrace()));
	return fetch(input, { ...init, headers });
}
