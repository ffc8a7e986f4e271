import { describe, expect, it } from 'vitest';
import { csvLine } from '../../../../server/connectors/csv';
import { classifyError, classifyStatus, ConnectorError, parseRetryAfter } from '../../../../server/connectors/errors';
import { flatten } from '../../../../server/connectors/flatten';
import { backoffDelay, withRetry } from '../../../../server/connectors/retry';

const POLICY = { maxRetries: 4, baseMs: 500, maxMs: 4000 };

describe('connector retries', () => {
	it('classes statuses: 401/403 auth, 408/425/429/5xx transient, other 4xx permanent', () => {
		expect([401, 403, 408, 425, 429, 500, 502, 503, 504, 400, 404, 410, 422].map(classifyStatus)).toEqual([
			'auth',
			'auth',
			'transient',
			'transient',
			'transient',
			'transient',
			'transient',
			'transient',
			'transient',
			'permanent',
			'permanent',
			'permanent',
			'permanent'
		]);
		expect(classifyError(new TypeError('fetch failed'))).toBe('transient');
		expect(classifyError(new DOMException('timed out', 'TimeoutError'))).toBe('transient');
		expect(classifyError(new Error('bug'))).toBe('permanent');
	});

	it('reads Retry-After as seconds or an HTTP date, and ignores nonsense', () => {
		const now = Date.UTC(2026, 0, 1, 12, 0, 0);
		expect(parseRetryAfter('120', now)).toBe(120_000);
		expect(parseRetryAfter(new Date(now + 30_000).toUTCString(), now)).toBe(30_000);
		expect(parseRetryAfter(new Date(now - 30_000).toUTCString(), now)).toBe(0);
		expect(parseRetryAfter('soon', now)).toBeNull();
		expect(parseRetryAfter(null, now)).toBeNull();
	});

	it('backs off exponentially with full jitter under a cap, and takes Retry-After up to the cap', () => {
		expect([1, 2, 3, 4, 5].map((a) => backoffDelay(POLICY, a, 0.999, null))).toEqual([500, 999, 1998, 3996, 3996]);
		expect(backoffDelay(POLICY, 3, 0, null)).toBe(0);
		expect(backoffDelay(POLICY, 1, 0.5, 2500)).toBe(2500);
		expect(backoffDelay(POLICY, 1, 0.5, 3_600_000)).toBe(4000);
	});

	it('retries transient failures at most maxRetries times and never retries auth or permanent ones', async () => {
		for (const [cls, calls] of [
			['transient', 5],
			['auth', 1],
			['permanent', 1]
		] as const) {
			let n = 0;
			const sleeps: number[] = [];
			await expect(
				withRetry(
					async () => {
						n++;
						throw new ConnectorError('x', cls, 503);
					},
					POLICY,
					{ sleep: async (ms) => void sleeps.push(ms), random: () => 1 }
				)
			).rejects.toThrow('x');
			expect(n).toBe(calls);
			expect(sleeps).toHaveLength(calls - 1);
		}
	});
});

describe('connector CSV', () => {
	it('quotes separators, quotes, line breaks and edge blanks; lists stay JSON; nested groups flatten', () => {
		expect(csvLine(['a,b', 'say "hi"', 'two\nlines', ' pad', 7, null, true, [1, 'x']])).toBe(
			'"a,b","say ""hi""","two\nlines"," pad",7,,true,"[1,""x""]"\r\n'
		);
		expect(flatten({ g: { q: 1, h: { r: 'x' } }, list: [{ a: 1 }], n: null }, '-')).toEqual({
			'g-q': 1,
			'g-h-r': 'x',
			list: [{ a: 1 }],
			n: null
		});
	});
});
