import { describe, expect, it } from 'vitest';
import { detectAnomalies, ANOMALY_RULES } from '../../../app/lib/audit/anomalies';
import type { AuditEvent, DeviceEvent } from '../../../app/lib/audit/events';

let seq = 0;
function ev(actor: string, time: string, type: string, payload: AuditEvent['payload'] = {}): DeviceEvent {
	return { device: 'd1', seq: seq++, time, actor, type, payload, prev: '0'.repeat(64), hash: '0'.repeat(64) };
}
const exclude = (actor: string, time: string, n: number) =>
	ev(actor, time, 'decision', { action: 'exclude', respondents: Array.from({ length: n }, (_, i) => i), reason: 'x' });
const at = (day: number, hour: number, minute = 0) =>
	`2026-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`;

describe('detectAnomalies', () => {
	it('flags a minute of exclusions far above the actor’s usual rate, and explains it', () => {
		const events = [
			...[0, 5, 10, 15, 20, 25].map((m) => exclude('alice', at(20, 10, m), 3)),
			exclude('alice', at(20, 11, 0), 200),
			exclude('alice', at(20, 11, 0), 100)
		];
		const [flag, ...rest] = detectAnomalies(events);
		expect(rest).toEqual([]);
		expect(flag).toMatchObject({ kind: 'exclusion-rate', actor: 'alice', from: at(20, 11, 0), to: at(20, 11, 1) });
		expect(flag.events).toHaveLength(2);
		expect(flag.explanation).toBe(
			'alice excluded 300 respondents in one minute; their usual rate is 3 per active minute (median of 6 earlier minutes), so this is 100 times as many.'
		);
	});

	it('does not flag a high rate that is usual for that actor, nor without enough history', () => {
		const steady = [0, 1, 2, 3, 4, 5, 6].map((m) => exclude('bob', at(20, 10, m), 100));
		expect(detectAnomalies(steady)).toEqual([]);
		const fresh = [exclude('carol', at(20, 10, 0), 2), exclude('carol', at(20, 10, 1), 500)];
		expect(detectAnomalies(fresh)).toEqual([]);
	});

	it('flags activity at an hour unusual for that actor', () => {
		const usual = Array.from({ length: 40 }, (_, i) => ev('dana', at(10 + (i % 10), 9 + (i % 8), i), 'comment'));
		const night = [
			ev('dana', at(21, 3, 10), 'decision', { action: 'exclude', respondents: [1], reason: 'x' }),
			ev('dana', at(21, 3, 40), 'export', { format: 'csv', identifying: [] })
		];
		const flags = detectAnomalies([...usual, ...night]);
		expect(flags).toHaveLength(1);
		expect(flags[0]).toMatchObject({ kind: 'unusual-hour', actor: 'dana', from: at(21, 3, 10), to: at(21, 3, 40) });
		expect(flags[0].explanation).toBe(
			'dana was active at 03:00-03:59 (2 events); only 2 of their 42 events (4.8%) fall between 02:00 and 05:00 (UTC).'
		);
		expect(detectAnomalies([...usual.slice(0, 20), ...night])).toEqual([]);
	});

	it('reads hours in the viewer’s time zone', () => {
		const usual = Array.from({ length: 40 }, (_, i) => ev('erin', at(10 + (i % 10), 9 + (i % 8), i), 'comment'));
		const late = ev('erin', at(21, 3, 10), 'comment');
		const shifted = detectAnomalies([...usual, late], { ...ANOMALY_RULES, tzOffsetMinutes: 60 });
		expect(shifted[0].explanation).toContain('04:00-04:59');
		expect(shifted[0].explanation).toContain('(UTC+1)');
	});

	it('flags one burst of exports per stretch and explains the formats', () => {
		const exports = [0, 1, 2, 4, 7, 9, 11].map((m, i) =>
			ev('finn', at(20, 14, m), 'export', { format: i % 2 ? 'sav' : 'csv', identifying: [] })
		);
		const later = ev('finn', at(20, 16, 0), 'export', { format: 'csv', identifying: [] });
		const flags = detectAnomalies([...exports, later]);
		expect(flags).toHaveLength(1);
		expect(flags[0]).toMatchObject({ kind: 'export-burst', actor: 'finn', from: at(20, 14, 0), to: at(20, 14, 11) });
		expect(flags[0].events).toHaveLength(7);
		expect(flags[0].explanation).toBe(
			'finn exported 7 times in 11 minutes (csv x4, sav x3); 5 or more exports within 10 minutes is unusual.'
		);
		expect(detectAnomalies(exports.slice(0, 4))).toEqual([]);
	});
});
