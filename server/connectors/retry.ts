import { classifyError, ConnectorError } from './errors';
import type { ErrorClass } from './types';

export interface RetryPolicy {
	/** retries after the first attempt */
	maxRetries: number;
	/** delay before the first retry; doubles each time */
	baseMs: number;
	/** longest delay between attempts, also the cap on a platform's `Retry-After` */
	maxMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxRetries: 5, baseMs: 500, maxMs: 60_000 };

export interface RetryDeps {
	sleep: (ms: number) => Promise<void>;
	/** uniform in [0, 1) */
	random: () => number;
	classify?: (error: unknown) => ErrorClass;
	onRetry?: (attempt: number, delayMs: number, error: unknown) => void;
}

/**
 * The wait before retry `attempt` (1-based): full jitter over an exponential ceiling, or the
 * platform's `Retry-After` when it gave one (it knows its own limits better than our guess).
 */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: number, retryAfterMs: number | null): number {
	if (retryAfterMs !== null) return Math.min(retryAfterMs, policy.maxMs);
	const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** (attempt - 1));
	return Math.round(ceiling * random);
}

/** Runs `fn`, retrying transient failures at most `policy.maxRetries` times; other failures are thrown at once. */
export async function withRetry<T>(fn: () => Promise<T>, policy: RetryPolicy, deps: RetryDeps): Promise<T> {
	const classify = deps.classify ?? classifyError;
	for (let attempt = 1; ; attempt++) {
		try {
			return await fn();
		} catch (error) {
			if (classify(error) !== 'transient' || attempt > policy.maxRetries) throw error;
			const retryAfter = error instanceof ConnectorError ? error.retryAfterMs : null;
			const delay = backoffDelay(policy, attempt, deps.random(), retryAfter);
			deps.onRetry?.(attempt, delay, error);
			await deps.sleep(delay);
		}
	}
}
