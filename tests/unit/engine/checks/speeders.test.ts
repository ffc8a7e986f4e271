import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import speeders from '../../../../app/lib/engine/checks/speeders';
import type { SqlDb } from '../../../../app/lib/engine/sql/db';
import { dictionaryOf, flagged, openNodeDb, runOne, tableOf, variable } from './helpers';

const dict = dictionaryOf([variable('rid'), variable('duration_s'), variable('q1')]);
// median of the 9 durations is 450; 0.3 × 450 = 135
const durations = [94, 400, 450, 500, 130, 140, 600, 700, 460];

describe('speeders', () => {
	let db: SqlDb;
	beforeAll(async () => {
		db = await openNodeDb();
		await tableOf(
			db,
			dict,
			durations.map((d, i) => [101 + i, d, 1])
		);
	});
	afterAll(() => db.close());

	it('flags durations under 0.3 × the median, with a readable message', async () => {
		const f = await runOne(db, dict, speeders);
		expect(flagged(f)).toEqual([101, 105]);
		expect(f[0].message).toBe('finished in 94 s, 0.21 × the median 450 s');
		expect(f[0].severity).toBe('error');
	});

	it('honours the fraction parameter', async () => {
		const f = await runOne(db, dict, speeders, { checks: { speeders: { fraction: 0.95 } } });
		expect(flagged(f)).toEqual([101, 102, 105, 106]);
	});

	it('uses end − start when there is no duration', async () => {
		const d2 = dictionaryOf([variable('rid'), variable('start_time', 'datetime'), variable('end_time', 'datetime')]);
		const db2 = await openNodeDb();
		const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 10) + s * 1000).toISOString().replace('T', ' ').slice(0, 19);
		await tableOf(
			db2,
			d2,
			durations.map((d, i) => [1 + i, at(0), at(d)])
		);
		expect(flagged(await runOne(db2, d2, speeders))).toEqual([1, 5]);
		await db2.close();
	});

	it('flags respondents who sped through most timed pages', async () => {
		const d3 = dictionaryOf([variable('rid'), variable('page1_time'), variable('page2_time'), variable('page3_time')]);
		const db3 = await openNodeDb();
		await tableOf(db3, d3, [
			[1, 30, 40, 50],
			[2, 32, 41, 48],
			[3, 5, 6, 49],
			[4, 29, 38, 52],
			[5, 31, 5, 50],
			[6, 28, 42, 51]
		]);
		expect(flagged(await runOne(db3, d3, speeders))).toEqual([3]);
		await db3.close();
	});
});
