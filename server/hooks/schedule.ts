/** Standard Webhooks' retry schedule in seconds: the delay before attempt 1, 2, … */
export const STANDARD_SCHEDULE = [0, 5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 10 * 3600] as const;

/** Spread of each delay, so receivers that come back are not hit by every relay at once. */
export const JITTER = 0.2;

/** A `Retry-After` asking for more than this is capped: the schedule's longest wait. */
const MAX_RETRY_AFTER_S = 10 * 3600;

/**
 * Milliseconds to wait before attempt `attempt + 1` (1-based `attempt` just failed), or null
 * when the schedule is used up. The scheduled delay gets ±20 % jitter; a receiver's
 * `Retry-After` (429, 503) lengthens it, never shortens it.
 *
 * @param random a number in [0, 1), `Math.random` in production
 */
export function nextDelayMs(schedule: readonly number[], attempt: number, random: () => number, retryAfterS?: number): number | null {
	const base = schedule[attempt];
	if (base === undefined) return null;
	const jittered = base * (1 + JITTER * (2 * random() - 1));
	const asked = retryAfterS === undefined ? 0 : Math.min(retryAfterS, MAX_RETRY_AFTER_S);
	return Math.round(Math.max(jittered, asked) * 1000);
}

/**
 * Parses a `Retry-After` header: delay-seconds or an HTTP date, as seconds from `nowMs`.
 * Undefined when absent or unreadable.
 */
export function parseRetryAfter(header: string | null | undefined, nowMs: number): number | undefined {
	if (!header) return undefined;
	const trimmed = header.trim();
	if (/^\d+$/.test(trimmed)) return Number(trimmed);
	const at = Date.parse(trimmed);
	return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - nowMs) / 1000));
}
