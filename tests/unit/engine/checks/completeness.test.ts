import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import completeness from '../../../../app/lib/engine/checks/completeness';
import sections from '../../../../app/lib/engine/checks/sections';
import type { SqlDb } from '../../../../app/lib/engine/sql/db';
import { dictionaryOf, flagged, openNodeDb, runOne, tableOf, variable } from './helpers';

const names = ['q1_a', 'q1_b', 'q1_c', 'q2_a', 'q2_b', 'q2_c', 'q3_a', 'q3_b', 'q3_c', 'q3_d'];
const dict = dictionaryOf([variable('rid'), ...names.map((n) => variable(n, 'numeric', { missing: { values: [99], range: null } }))]);
const _ = null;

describe('completeness and sections', () => {
	let db: SqlDb;
	beforeAll(async () => {
		db = await openNodeDb();
		await tableOf(db, dict, [
			[1, 1, 2, 3, 1, 2, 3, 1, 2, 3, 4],
			[2, 1, 2, 3, 1, 2, _, _, _, _, _], // broke off after q2_b
			[3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 99], // 99 is missing: 1 of 10 not reached, under 20 %
			[4, 1, _, _, _, _, 3, 1, 2, 3, 4], // skipped most of q1 and q2, answered q3
			[5, _, _, _, _, _, _, _, _, _, _], // nothing
			[6, 1, 2, 3, _, _, _, 1, 2, 3, 4] // skipped q2 block
		]);
	});
	afterAll(() => db.close());

	it('flags break-offs with the break-off point', async () => {
		const f = await runOne(db, dict, completeness);
		expect(flagged(f)).toEqual([2, 5]);
		expect(f.find((x) => x.respondent === 2)!.message).toBe('broke off after q2_b (5 of 10 questions not reached)');
	});

	it('flags respondents who skipped a block but answered later ones', async () => {
		const f = await runOne(db, dict, sections);
		expect(flagged(f)).toEqual([4, 6]);
		expect(f.find((x) => x.respondent === 4)!.evidence.sections).toEqual(['q1', 'q2']);
	});
});
