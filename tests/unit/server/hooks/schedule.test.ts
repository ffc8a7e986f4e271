import { describe, expect, it } from 'vitest';
import { hooksConfigFromEnv } from '../../../../server/hooks/config';
import { nextDelayMs, parseRetryAfter, STANDARD_SCHEDULE } from '../../../../server/hooks/schedule';

describe('nextDelayMs', () => {
	it("follows Standard Webhooks' schedule within ±20 % and ends after the eighth attempt", () => {
		const mid = () => 0.5;
		expect(STANDARD_SCHEDULE.slice(1).map((_, i) => nextDelayMs(STANDARD_SCHEDULE, i + 1, mid))).toEqual([
			5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000
		]);
		expect(nextDelayMs(STANDARD_SCHEDULE, 8, mid)).toBeNull();
		expect(nextDelayMs(STANDARD_SCHEDULE, 2, () => 0)).toBe(240_000);
		expect(nextDelayMs(STANDARD_SCHEDULE, 2, () => 0.999_999)).toBe(360_000);
	});

	it('waits at least what Retry-After asks, capped at the longest scheduled wait', () => {
		expect(nextDelayMs(STANDARD_SCHEDULE, 1, () => 0.5, 120)).toBe(120_000);
		expect(nextDelayMs(STANDARD_SCHEDULE, 2, () => 0.5, 1)).toBe(300_000);
		expect(nextDelayMs(STANDARD_SCHEDULE, 1, () => 0.5, 10 ** 9)).toBe(36_000_000);
	});
});

describe('parseRetryAfter', () => {
	it('reads seconds and HTTP dates, and ignores garbage', () => {
		const now = Date.parse('2026-12-08T01:00:00Z');
		expect(parseRetryAfter('30', now)).toBe(30);
		expect(parseRetryAfter('Tue, 08 Dec 2026 01:02:00 GMT', now)).toBe(120);
		expect(parseRetryAfter('Tue, 08 Dec 2026 00:00:00 GMT', now)).toBe(0);
		expect(parseRetryAfter('soon', now)).toBeUndefined();
		expect(parseRetryAfter(undefined, now)).toBeUndefined();
	});
});

describe('hooksConfigFromEnv', () => {
	it('reads RELAY_HOOKS_SCHEDULE and RELAY_HOOKS_ALLOW, naming the variable when one is bad', () => {
		const config = hooksConfigFromEnv({ RELAY_HOOKS_SCHEDULE: '0, 1, 2.5', RELAY_HOOKS_ALLOW: '127.0.0.1' });
		expect(config.schedule).toEqual([0, 1, 2.5]);
		expect(config.allow.check('127.0.0.1')).toBe(true);
		expect(hooksConfigFromEnv({}).schedule).toBe(STANDARD_SCHEDULE);
		expect(hooksConfigFromEnv({}).timeoutMs).toBe(15_000);
		expect(() => hooksConfigFromEnv({ RELAY_HOOKS_SCHEDULE: '0,-5' })).toThrow(
			'RELAY_HOOKS_SCHEDULE must be comma-separated non-negative seconds, got 0,-5'
		);
	});
});
