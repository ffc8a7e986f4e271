import { describe, expect, it } from 'vitest';
import type { AuditEvent, DeviceEvent } from '../../../app/lib/audit/events';
import { dailySummary } from '../../../app/lib/audit/summary';
import { periodDays, summariseAuditLocally, summariseAuditVariables } from '../../../app/lib/llm/features/summarise-audit';

let seq = 0;
const ev = (actor: string, time: string, type: string, payload: AuditEvent['payload']): DeviceEvent => ({
	device: 'laptop',
	seq: seq++,
	time,
	actor,
	type,
	payload,
	prev: '0'.repeat(64),
	hash: '0'.repeat(64)
});
const EVENTS = [
	ev('alice', '2026-12-01T09:00:00.000Z', 'decision', { action: 'exclude', respondents: [1, 2, 3], reason: 'speeders' }),
	ev('bob', '2026-12-03T10:00:00.000Z', 'comment', { id: 'c1', text: 'mail me at bob@example.org' }),
	ev('bob', '2026-12-09T10:00:00.000Z', 'comment', { id: 'c2', text: 'outside the week' })
];

describe('summarise the audit log', () => {
	it('covers the day or the seven days up to it', () => {
		expect(periodDays('day', '2026-12-07')).toEqual(['2026-12-07']);
		expect(periodDays('week', '2026-12-07')).toEqual([
			'2026-12-01',
			'2026-12-02',
			'2026-12-03',
			'2026-12-04',
			'2026-12-05',
			'2026-12-06',
			'2026-12-07'
		]);
		expect(() => periodDays('week', '7.12.2026')).toThrow('not a day: 7.12.2026 (YYYY-MM-DD expected)');
	});

	it('builds a week from the daily summaries of the days with events', () => {
		const week = summariseAuditLocally(EVENTS, 'week', '2026-12-07');
		expect(week).toBe(
			[
				'Audit summary for the week 2026-12-01 to 2026-12-07',
				'',
				dailySummary(EVENTS, '2026-12-01').trimEnd(),
				dailySummary(EVENTS, '2026-12-03').trimEnd()
			].join('\n')
		);
		expect(summariseAuditLocally(EVENTS, 'week', '2026-11-20')).toBe(
			'Audit summary for the week 2026-11-14 to 2026-11-20\nNo audit events in this week.'
		);
	});

	it('sends the period and the facts, not the comments’ text', () => {
		const vars = summariseAuditVariables(EVENTS, 'week', '2026-12-07');
		expect(vars.period).toBe('the week 2026-12-01 to 2026-12-07');
		expect(vars.facts).toContain('alice');
		expect(vars.facts).not.toContain('bob@example.org');
		expect(vars.facts).not.toContain('outside the week');
	});
});
