import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import missing from '../../../../app/lib/engine/checks/missing';
import type { SqlDb } from '../../../../app/lib/engine/sql/db';
import { dictionaryOf, flagged, openNodeDb, runOne, tableOf, variable } from './helpers';

// q2 declares 9 as user-missing: it must count as missing
const dict = dictionaryOf([
	variable('rid'),
	variable('q1'),
	variable('q2', 'numeric', { missing: { values: [9], range: null } }),
	variable('q3'),
	variable('q4', 'string')
]);

describe('missing', () => {
	let db: SqlDb;
	beforeAll(async () => {
		db = await openNodeDb();
		await tableOf(db, dict, [
			[1, 1, 2, 3, 'a'],
			[2, null, 9, 3, 'b'], // 2 of 4 missing (user-missing 9 counts)
			[3, null, null, null, ''], // all missing ('' counts)
			[4, 1, 2, null, 'c'],
			[5, 2, 9, 1, 'd']
		]);
	});
	afterAll(() => db.close());

	it('flags respondents missing half of the answers, counting user-missing and empty text', async () => {
		const f = await runOne(db, dict, missing);
		expect(flagged(f)).toEqual([2, 3]);
		expect(f.find((x) => x.respondent === 3)!.message).toBe('left 4 of 4 questions unanswered (100 %)');
	});

	it('reports variables missing for at least 20 % of respondents (empty text is missing)', async () => {
		const f = await runOne(db, dict, missing);
		const vars = f.filter((x) => x.level === 'variable').map((x) => x.variable);
		expect(vars).toEqual(['q1', 'q2', 'q3', 'q4']);
		expect(f.find((x) => x.variable === 'q2')!.evidence).toEqual({ missing: 3, n: 5 });
	});
});
