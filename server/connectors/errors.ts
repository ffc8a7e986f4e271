import type { ErrorClass } from './types';

/** A failed platform request, with what the retry loop and the sync log need. */
export class ConnectorError extends Error {
	constructor(
		message: string,
		readonly errorClass: ErrorClass,
		readonly status: number | null = null,
		/** the platform's `Retry-After`, in milliseconds */
		readonly retryAfterMs: number | null = null
	) {
		super(message);
		this.name = 'ConnectorError';
	}
}

/** The class of an HTTP status: 401/403 auth, 408/425/429 and 5xx transient, other 4xx permanent. */
export function classifyStatus(status: number): ErrorClass {
	if (status === 401 || status === 403) return 'auth';
	if (status === 408 || status === 425 || status === 429 || status >= 500) return 'transient';
	return 'permanent';
}

/** The class of anything thrown while pulling: network failures and timeouts are transient. */
export function classifyError(error: unknown): ErrorClass {
	if (error instanceof ConnectorError) return error.errorClass;
	if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'transient';
	// undici's fetch rejects with TypeError('fetch failed') for refused, reset and DNS failures
	if (error instanceof TypeError && /fetch failed/i.test(error.message)) return 'transient';
	return 'permanent';
}

/** `Retry-After` as milliseconds from `now`: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
	if (!value) return null;
	const trimmed = value.trim();
	if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
	const at = Date.parse(trimmed);
	return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export function errorMessage(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
