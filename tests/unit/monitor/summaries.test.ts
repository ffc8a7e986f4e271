import { describe, expect, it } from 'vitest';
import { checkTimings, diagnosticReport, errorGroups } from '../../../app/lib/monitor/summaries';
import type { LocalLogEntry } from '../../../app/lib/monitor/types';

const at = (min: number) => new Date(Date.UTC(2026, 0, 1, 0, min)).toISOString();
const base = { trace: 'c'.repeat(32), source: 'page' };
const err = (min: number, fp: string, message: string, count?: number): LocalLogEntry => ({
	...base,
	time: at(min),
	level: 'error',
	message: 'failed',
	error: { name: 'TypeError', message, fingerprint: fp },
	...(count ? { count } : {})
});
const check = (min: number, id: string, ms: number): LocalLogEntry => ({
	...base,
	time: at(min),
	level: 'info',
	message: 'check finished',
	context: { check: id, durationMs: ms }
});

// newest first, as the ring lists them
const log: LocalLogEntry[] = [
	check(30, 'speeders', 40),
	err(20, 'a', 'row 9 bad', 3),
	check(10, 'speeders', 55),
	check(10, 'gibberish', 900),
	err(5, 'b', 'disk full'),
	err(1, 'a', 'row 1 bad'),
	{ ...base, time: at(0), level: 'info', message: 'check run', context: { durationMs: 1000 } }
];

describe('diagnostics summaries', () => {
	it('groups errors by fingerprint with counts including folded repeats', () => {
		expect(errorGroups(log)).toEqual([
			{ fingerprint: 'a', name: 'TypeError', message: 'row 9 bad', count: 4, firstSeen: at(1), lastSeen: at(20) },
			{ fingerprint: 'b', name: 'TypeError', message: 'disk full', count: 1, firstSeen: at(5), lastSeen: at(5) }
		]);
	});

	it('collects each check duration per run, oldest first', () => {
		expect(checkTimings(log)).toEqual({
			checks: ['gibberish', 'speeders'],
			series: [
				{ check: 'gibberish', points: [{ time: at(10), ms: 900 }] },
				{
					check: 'speeders',
					points: [
						{ time: at(10), ms: 55 },
						{ time: at(30), ms: 40 }
					]
				}
			]
		});
	});

	it('writes a report with the error groups and every entry oldest first', () => {
		const text = diagnosticReport(log, { userAgent: 'UA', trace: 'c'.repeat(32), now: at(40) });
		const lines = text.split('\n');
		expect(lines[2]).toBe(`trace ${'c'.repeat(32)} · 7 entries · 2 error groups`);
		expect(lines).toContain(`4× TypeError: row 9 bad (a, ${at(1)} – ${at(20)})`);
		const json = lines.slice(lines.indexOf('## log (oldest first)') + 1).map((l) => JSON.parse(l) as LocalLogEntry);
		expect(json.map((e) => e.time)).toEqual([...log].reverse().map((e) => e.time));
	});
});
