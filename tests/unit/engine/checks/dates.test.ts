import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import dates from '../../../../app/lib/engine/checks/dates';
import timing from '../../../../app/lib/engine/checks/timing';
import type { SqlDb } from '../../../../app/lib/engine/sql/db';
import { dictionaryOf, flagged, openNodeDb, runOne, tableOf, variable } from './helpers';

const dict = dictionaryOf([
	variable('rid'),
	variable('start_time', 'datetime'),
	variable('end_time', 'datetime'),
	variable('age'),
	variable('dob', 'date')
]);

describe('dates', () => {
	let db: SqlDb;
	beforeAll(async () => {
		db = await openNodeDb();
		await tableOf(db, dict, [
			[1, '2026-03-02 10:00:00', '2026-03-02 10:08:00', 40, '1985-06-01'],
			[2, '2026-03-02 11:00:00', '2026-03-02 10:50:00', 30, '1995-01-15'], // ends before it starts
			[3, '2026-03-03 09:00:00', '2026-03-03 09:07:00', 50, '1990-05-05'], // age 50 vs 35 from birth date
			[4, '2027-01-05 09:00:00', '2027-01-05 09:09:00', 22, '2004-01-01'], // in the future
			[5, '2026-03-03 12:00:00', '2026-03-03 12:06:00', 60, '1850-01-01'], // born before 1900
			[6, '2026-02-20 12:00:00', '2026-02-20 12:10:00', 36, '1990-01-01'] // before fieldwork
		]);
	});
	afterAll(() => db.close());

	it('flags end before start, future, too old, before fieldwork and age that disagrees with the birth date', async () => {
		const f = await runOne(db, dict, dates, { checks: { dates: { now: '2026-06-01' } }, fieldwork: { start: '2026-03-01' } });
		expect(flagged(f)).toEqual([2, 3, 4, 5, 6]);
		expect(flagged(f, (x) => x.evidence.kind === 'end-before-start')).toEqual([2]);
		expect(flagged(f, (x) => x.evidence.kind === 'age-birth-date')).toEqual([3, 5]);
		expect(flagged(f, (x) => x.evidence.kind === 'future')).toEqual([4]);
		expect(flagged(f, (x) => x.evidence.kind === 'old')).toEqual([5]);
		expect(flagged(f, (x) => x.evidence.kind === 'before')).toEqual([6]);
		expect(f.find((x) => x.respondent === 2)!.message).toBe('ended 2026-03-02 10:50:00, 600 s before it started 2026-03-02 11:00:00');
	});
});

describe('timing', () => {
	it('flags bursts of submissions far above the usual rate', async () => {
		const d2 = dictionaryOf([variable('rid'), variable('end_time', 'datetime')]);
		const db = await openNodeDb();
		const rows: unknown[][] = [];
		// one submission per hour for 5 days, then 12 within three minutes at 03:10
		for (let h = 0; h < 120; h++)
			rows.push([rows.length + 1, new Date(Date.UTC(2026, 2, 2) + h * 3600e3 + 17 * 60e3).toISOString().slice(0, 19).replace('T', ' ')]);
		for (let k = 0; k < 12; k++) rows.push([rows.length + 1, `2026-03-04 03:1${Math.floor(k / 5)}:${String(10 + k).padStart(2, '0')}`]);
		await tableOf(db, d2, rows);
		const f = await runOne(db, d2, timing);
		// the regular 03:17 submission of that day falls into the same window
		expect(flagged(f)).toEqual([52, ...Array.from({ length: 12 }, (_, k) => 121 + k)]);
		await db.close();
	});
});
