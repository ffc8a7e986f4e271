import { classifyError, classifyStatus, ConnectorError, parseRetryAfter } from './errors';
import { withRetry, type RetryPolicy } from './retry';
import type { ErrorClass } from './types';

export interface HttpDeps {
	fetch: typeof fetch;
	retry: RetryPolicy;
	/** per request, including reading the body */
	timeoutMs: number;
	sleep: (ms: number) => Promise<void>;
	random: () => number;
	now: () => number;
	classify?: (error: unknown) => ErrorClass;
	onRetry?: (attempt: number, delayMs: number, error: unknown) => void;
}

/** Requests to one platform with timeouts, error classes and retries; every method throws {@link ConnectorError}s. */
export interface Http {
	json<T>(url: string, init?: RequestInit): Promise<T>;
	text(url: string, init?: RequestInit): Promise<string>;
	/** with a fresh {@link Http} per connector call, the retries so far */
	readonly retries: number;
}

/**
 * @example
 * const http = createHttp({ fetch, retry: DEFAULT_RETRY, timeoutMs: 60_000, sleep, random: Math.random, now: Date.now });
 * const page = await http.json<{ results: unknown[] }>(url, { headers });
 */
export function createHttp(deps: HttpDeps): Http {
	let retries = 0;
	const retryDeps = {
		sleep: deps.sleep,
		random: deps.random,
		classify: deps.classify,
		onRetry: (attempt: number, delay: number, error: unknown) => {
			retries++;
			deps.onRetry?.(attempt, delay, error);
		}
	};

	async function body(url: string, init: RequestInit): Promise<string> {
		const where = shown(url);
		let res: Response;
		let text: string;
		try {
			// redirects are not followed: they would carry credentials to wherever the platform points
			res = await deps.fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(deps.timeoutMs) });
			text = await res.text();
		} catch (error) {
			const cls = classifyError(error);
			const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${deps.timeoutMs} ms` : cause(error);
			throw new ConnectorError(`${where}: ${reason}`, cls);
		}
		if (res.status >= 300 && res.status < 400)
			throw new ConnectorError(
				`${where}: redirected to ${res.headers.get('location') ?? 'elsewhere'}; use that address`,
				'permanent',
				res.status
			);
		if (!res.ok) {
			const detail = text.replace(/\s+/g, ' ').trim().slice(0, 200);
			throw new ConnectorError(
				`${where}: HTTP ${res.status}${detail ? ` ${detail}` : ''}`,
				classifyStatus(res.status),
				res.status,
				parseRetryAfter(res.headers.get('retry-after'), deps.now())
			);
		}
		return text;
	}

	return {
		get retries() {
			return retries;
		},
		text: (url, init = {}) => withRetry(() => body(url, init), deps.retry, retryDeps),
		json: <T>(url: string, init: RequestInit = {}) =>
			withRetry(
				async () => {
					const text = await body(url, init);
					try {
						return JSON.parse(text) as T;
					} catch {
						throw new ConnectorError(`${shown(url)}: the answer is not JSON (${text.slice(0, 60).replace(/\s+/g, ' ')}…)`, 'permanent');
					}
				},
				deps.retry,
				retryDeps
			)
	};
}

/** The URL without its query, which may carry filters the user did not ask to see in messages. */
function shown(url: string): string {
	try {
		const u = new URL(url);
		return `${u.origin}${u.pathname}`;
	} catch {
		return url;
	}
}

function cause(error: unknown): string {
	const c = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
	if (c?.code) return `${c.code}${c.message ? ` (${c.message})` : ''}`;
	return error instanceof Error ? error.message : String(error);
}
