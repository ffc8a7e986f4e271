import { describe, expect, it } from 'vitest';
import { parseWhen } from '../../../../app/lib/audit/search/when';

// Wednesday 7 October 2026, 12:00 UTC.
const NOW = Date.parse('2026-10-07T12:00:00Z');
const iso = (w: ReturnType<typeof parseWhen>) => w && [new Date(w.from).toISOString(), new Date(w.to).toISOString(), w.label];

describe('parseWhen', () => {
	it('reads days, weeks (Monday to Sunday) and months', () => {
		expect(iso(parseWhen('exports today', NOW))).toEqual(['2026-10-07T00:00:00.000Z', '2026-10-07T23:59:59.999Z', 'today']);
		expect(iso(parseWhen('who excluded yesterday', NOW))).toEqual(['2026-10-06T00:00:00.000Z', '2026-10-06T23:59:59.999Z', 'yesterday']);
		expect(iso(parseWhen('exclusions last week', NOW))).toEqual(['2026-09-28T00:00:00.000Z', '2026-10-04T23:59:59.999Z', 'last week']);
		expect(iso(parseWhen('this week', NOW))).toEqual(['2026-10-05T00:00:00.000Z', '2026-10-11T23:59:59.999Z', 'this week']);
		expect(iso(parseWhen('rules changed last month', NOW))).toEqual(['2026-09-01T00:00:00.000Z', '2026-09-30T23:59:59.999Z', 'last month']);
		expect(iso(parseWhen('imports in august', NOW))).toEqual(['2026-08-01T00:00:00.000Z', '2026-08-31T23:59:59.999Z', 'in august']);
		expect(iso(parseWhen('imports in december', NOW))?.[0]).toBe('2025-12-01T00:00:00.000Z');
	});

	it('reads rolling windows, weekdays and dates', () => {
		expect(iso(parseWhen('undo in the past 3 days', NOW))).toEqual(['2026-10-04T12:00:00.000Z', '2026-10-07T12:00:00.000Z', 'past 3 days']);
		expect(iso(parseWhen('comments on monday', NOW))?.[0]).toBe('2026-10-05T00:00:00.000Z');
		expect(iso(parseWhen('comments on wednesday', NOW))?.[0]).toBe('2026-09-30T00:00:00.000Z');
		expect(iso(parseWhen('exports on 2026-09-15', NOW))).toEqual(['2026-09-15T00:00:00.000Z', '2026-09-15T23:59:59.999Z', '2026-09-15']);
	});

	it('uses the viewer’s zone for day boundaries, and finds nothing in a query without a time', () => {
		expect(iso(parseWhen('yesterday', NOW, 120))?.[0]).toBe('2026-10-05T22:00:00.000Z');
		expect(parseWhen('excluded speeders', NOW)).toBeNull();
		expect(parseWhen('may I see exports', NOW)).toBeNull();
	});
});
