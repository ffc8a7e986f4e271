import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import consistency from '../../../../app/lib/engine/checks/consistency';
import skipLogic from '../../../../app/lib/engine/checks/skip-logic';
import type { SqlDb } from '../../../../app/lib/engine/sql/db';
import { dictionaryOf, flagged, openNodeDb, runOne, tableOf, variable } from './helpers';

const yesNo = { '1': 'Yes', '2': 'No' };
const dict = dictionaryOf([
	variable('rid'),
	variable('age'),
	variable('hh_size'),
	variable('n_children'),
	variable('q4', 'numeric', { valueLabels: yesNo }),
	variable('q5')
]);
const _ = null;

describe('consistency and skip-logic', () => {
	let db: SqlDb;
	beforeAll(async () => {
		db = await openNodeDb();
		const rows: unknown[][] = [
			[1, 34, 3, 1, 1, 4],
			[2, 16, 2, 0, 2, _], // under 18
			[3, 40, 1, 3, 1, 5], // more children than people
			[4, 51, 4, 2, 2, 3], // q5 answered although q4 = 2
			[5, 29, 2, 0, 1, _] // q5 missing although asked
		];
		for (let i = 6; i <= 60; i++) rows.push([i, 30 + (i % 40), 3, 1, i % 2 ? 1 : 2, i % 2 ? 3 : _]);
		await tableOf(db, dict, rows);
	});
	afterAll(() => db.close());

	it('runs CONFIG rules and reports their message', async () => {
		const f = await runOne(db, dict, consistency, {
			rules: [
				{ id: 'adult', when: 'age < 18', severity: 'error', message: 'respondent under 18' },
				{ id: 'hh', when: 'hh_size < n_children', severity: 'error', message: 'more children than people in the household' }
			]
		});
		expect(flagged(f)).toEqual([2, 3]);
		expect(f.find((x) => x.respondent === 2)!.message).toBe('respondent under 18');
	});

	it('applies the household rule by itself when CONFIG has no rules', async () => {
		expect(flagged(await runOne(db, dict, consistency))).toEqual([3]);
	});

	it('checks routing from CONFIG in both directions', async () => {
		const f = await runOne(db, dict, skipLogic, { skips: ['q5 asked if q4 = 1'] });
		expect(flagged(f, (x) => x.evidence.kind === 'answered-when-skipped')).toEqual([4]);
		expect(flagged(f, (x) => x.evidence.kind === 'missing-when-asked')).toEqual([5]);
	});

	it('infers routing from a filter question when CONFIG has none', async () => {
		const f = await runOne(db, dict, skipLogic);
		expect(flagged(f)).toEqual([4]);
		expect(f.find((x) => x.level === 'variable')!.evidence.rule).toBe('q5 asked if q4 in (1)');
	});
});
