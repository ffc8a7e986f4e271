import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import range from '../../../../app/lib/engine/checks/range';
import outliers from '../../../../app/lib/engine/checks/outliers';
import type { SqlDb } from '../../../../app/lib/engine/sql/db';
import { dictionaryOf, flagged, openNodeDb, runOne, tableOf, variable } from './helpers';

const dict = dictionaryOf([
	variable('rid'),
	variable('gender', 'numeric', {
		valueLabels: { '1': 'Male', '2': 'Female', '3': 'Diverse', '9': 'No answer' },
		missing: { values: [9], range: null }
	}),
	variable('nps', 'numeric', { valueLabels: { '0': 'Not at all likely', '10': 'Extremely likely' } }),
	variable('age', 'numeric', { measure: 'scale' }),
	variable('income', 'numeric', { measure: 'scale' })
]);

const rows = [
	[1, 1, 7, 34, 3000],
	[2, 2, 11, 41, 3200], // nps above 10
	[3, 4, 8, 29, 2800], // gender code 4 has no label
	[4, 9, 5, 150, 3100], // 9 is user-missing (fine); age 150 implausible
	[5, 1, -1, 38, 2900], // nps below 0
	[6, 2, 9, 45, 3050],
	[7, 1, 6, 52, 2950],
	[8, 2, 10, 33, 3150],
	[9, 3, 3, 47, 2850],
	[10, 1, 8, 36, 250000] // income far out
];

describe('range and outliers', () => {
	let db: SqlDb;
	beforeAll(async () => {
		db = await openNodeDb();
		await tableOf(db, dict, rows);
	});
	afterAll(() => db.close());

	it('flags unlabelled codes, values outside labelled scale ends and implausible ages', async () => {
		const f = await runOne(db, dict, range);
		expect(flagged(f)).toEqual([2, 3, 4, 5]);
		expect(f.find((x) => x.respondent === 3)!.message).toBe('gender = 4 has no value label (valid codes 1, 2, 3)');
		expect(f.find((x) => x.respondent === 2)!.message).toBe('nps = 11 is outside 0–10 (labelled scale ends)');
		expect(f.find((x) => x.respondent === 4)!.variable).toBe('age');
	});

	it('honours declared ranges from CONFIG', async () => {
		const f = await runOne(db, dict, range, { ranges: { income: [0, 100000] } });
		expect(flagged(f, (x) => x.variable === 'income')).toEqual([10]);
	});

	it('flags univariate outliers by robust z on scale variables', async () => {
		const f = await runOne(db, dict, outliers);
		expect(flagged(f, (x) => x.level === 'cell')).toEqual([4, 10]);
		expect(f.find((x) => x.respondent === 10 && x.level === 'cell')!.variable).toBe('income');
	});
});
