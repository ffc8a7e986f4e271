import { describe, expect, it } from 'vitest';
import { detectAnomalies, ANOMALY_RULES, type Anomaly } from '../../../app/lib/audit/anomalies';
import type { AuditEvent, DeviceEvent } from '../../../app/lib/audit/events';
import { simulateActivity } from '../../../app/lib/audit/simulate/activity';

let seq = 0;
function ev(actor: string, time: string, type: string, payload: AuditEvent['payload'] = {}): DeviceEvent {
	return { device: 'd1', seq: seq++, time, actor, type, payload, prev: '0'.repeat(64), hash: '0'.repeat(64) };
}
const exclude = (actor: string, time: string, n: number) =>
	ev(actor, time, 'decision', { action: 'exclude', respondents: Array.from({ length: n }, (_, i) => i), reason: 'x' });
const at = (day: number, hour: number, minute = 0) =>
	`2026-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`;
/** An actor's usual working days: 10:00-16:59 UTC on days 2-11, a comment and an exclusion of 3 each hour. */
const workdays = (actor: string) =>
	Array.from({ length: 10 }, (_, d) =>
		Array.from({ length: 7 }, (_, h) => [ev(actor, at(2 + d, 10 + h, 5), 'comment'), exclude(actor, at(2 + d, 10 + h, 30), 3)])
	).flat(2);

describe('detectAnomalies', () => {
	it('flags an hour of exclusions far above the actor’s usual, with the reason in words', () => {
		const burst = [0, 10, 20, 30].map((m) => exclude('alice', at(20, 11, m), 80));
		const [flag, ...rest] = detectAnomalies([...workdays('alice'), ...burst]);
		expect(rest).toEqual([]);
		expect(flag).toMatchObject({
			kind: 'exclusion-rate',
			actor: 'alice',
			from: at(20, 11, 0),
			to: at(20, 11, 30),
			magnitude: 320,
			hour: 11
		});
		expect(flag.events).toHaveLength(4);
		expect(flag.reasons).toEqual([
			'alice excluded 320 respondents within one hour in 4 actions; their usual is 3 per active hour (median of 70 other hours), so this is 107 times as many.'
		]);
	});

	it('does not flag volumes usual for that actor, nor without enough history', () => {
		const steady = Array.from({ length: 8 }, (_, h) => exclude('bob', at(20, h + 8), 300));
		expect(detectAnomalies(steady)).toEqual([]);
		expect(detectAnomalies([exclude('carol', at(20, 10), 2), exclude('carol', at(20, 11), 500)])).toEqual([]);
	});

	it('flags changes at an hour unusual for the actor, in the viewer’s zone, but not a single glance at night', () => {
		const night = [1, 20, 40].map((m) => exclude('dana', at(21, 3, m), 1));
		const [flag, ...rest] = detectAnomalies([...workdays('dana'), ...night]);
		expect(rest).toEqual([]);
		expect(flag).toMatchObject({ kind: 'unusual-hour', actor: 'dana', from: at(21, 3, 1), to: at(21, 3, 40), hour: 3 });
		expect(flag.reasons[0]).toBe(
			'dana made 3 changes at 03:00-03:59 UTC; only 0 of their other 140 events (0%) fall within an hour of that time of day.'
		);
		const shifted = detectAnomalies([...workdays('dana'), ...night], { ...ANOMALY_RULES, tzOffsetMinutes: 60 });
		expect(shifted[0].reasons[0]).toContain('04:00-04:59 UTC+1');
		expect(
			detectAnomalies([...workdays('dana'), ev('dana', at(21, 3, 1), 'audit-view', { view: 'timeline' }), ...night.slice(0, 2)])
		).toEqual([]);
	});

	it('does not flag exporting several formats at once, but does flag one format exported over and over', () => {
		const formats = ['csv', 'sav', 'xlsx', 'parquet', 'report', 'recipe', 'audit-pdf'];
		const allAtOnce = formats.map((format, i) => ev('finn', at(20, 14, i), 'export', { format, identifying: [] }));
		expect(detectAnomalies(allAtOnce)).toEqual([]);
		const repeated = [0, 2, 4, 6, 8].map((m) => ev('finn', at(21, 14, m), 'export', { format: 'csv', identifying: ['email'] }));
		const [flag, ...rest] = detectAnomalies([...allAtOnce, ...repeated]);
		expect(rest).toEqual([]);
		expect(flag).toMatchObject({ kind: 'export-burst', from: at(21, 14, 0), to: at(21, 14, 8), magnitude: 5 });
		expect(flag.explanation).toBe(
			'finn exported csv 5 times within 8 minutes (csv x5); exporting one format 4 or more times in a row is unusual.'
		);
	});

	it('flags a data export right after the same actor took back many decisions, naming identifying variables', () => {
		const undo = ev('gus', at(20, 9, 0), 'decision-undo', {
			via: 'undo',
			decisions: Array.from({ length: 40 }, (_, i) => `d${i}`),
			removed: 40
		});
		const exported = ev('gus', at(20, 9, 12), 'export', { format: 'sav', file: 'all.sav', identifying: ['rid', 'ip'] });
		const [flag] = detectAnomalies([undo, exported]);
		expect(flag).toMatchObject({ kind: 'export-after-reversal', actor: 'gus', magnitude: 40 });
		expect(flag.reasons).toEqual([
			'gus exported sav (all.sav) 12 min after taking back 40 decisions.',
			'The export carries identifying variables: rid, ip.'
		]);
		const smallUndo = ev('gus', at(20, 9, 0), 'decision-undo', { via: 'undo', decisions: ['d1'], removed: 1 });
		const auditPdf = ev('gus', at(20, 9, 5), 'export', { format: 'audit-pdf', identifying: [] });
		const muchLater = ev('gus', at(20, 10, 0), 'export', { format: 'csv', identifying: [] });
		expect(detectAnomalies([smallUndo, exported])).toEqual([]);
		expect(detectAnomalies([undo, auditPdf, muchLater])).toEqual([]);
	});
});

/** Planted sessions found, and flags on normal sessions, over simulated team logs (60 days, five people each). */
describe('detectAnomalies on simulated activity', () => {
	const key = (r: { device?: string; seq: number }) => `${r.device}/${r.seq}`;
	const runs = [11, 12, 13, 14].map((seed) => {
		const sim = simulateActivity({ seed, days: 60, plant: 2 });
		return { sim, flags: detectAnomalies(sim.events) };
	});

	it('finds every planted night mass exclusion and export after a reversal', () => {
		for (const { sim, flags } of runs) {
			for (const planted of sim.planted) {
				const want = new Set(planted.events.map(key));
				const found = flags.filter((f: Anomaly) => f.actor === planted.actor && f.events.some((r) => want.has(key(r))));
				expect(found.length, `${planted.kind} of seed ${sim.project}`).toBeGreaterThan(0);
				expect(found[0].kind).toBe(planted.kind === 'night-mass-exclusion' ? 'exclusion-rate' : 'export-after-reversal');
			}
		}
	});

	it('raises few false alarms on normal sessions (at most one per 500 active actor-days)', () => {
		let falseAlarms = 0;
		let actorDays = 0;
		for (const { sim, flags } of runs) {
			const planted = new Set(sim.planted.flatMap((p) => p.events.map(key)));
			falseAlarms += flags.filter((f) => !f.events.some((r) => planted.has(key(r)))).length;
			actorDays += new Set(sim.events.filter((e) => e.seq > 0).map((e) => `${e.actor}/${e.time.slice(0, 10)}`)).size;
		}
		console.info(`audit anomalies: ${falseAlarms} false alarms on ${actorDays} normal actor-days`);
		expect(falseAlarms / actorDays).toBeLessThanOrEqual(1 / 500);
	});
});
