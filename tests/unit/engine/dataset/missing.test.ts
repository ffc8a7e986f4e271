import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMissing, systemMissing, userMissing, valueOf } from '../../../../app/lib/engine/dataset/missing';
import { summarize } from '../../../../app/lib/engine/data/summarize';
import { evaluateRule } from '../../../../app/lib/engine/rules';
import { rows, sql } from '../../../../app/lib/engine/sql/frag';
import type { SqlDb } from '../../../../app/lib/engine/sql/db';
import { dictionaryOf, openNodeDb, tableOf, variable } from '../checks/helpers';

// One definition for every consumer: blank text after trimming (tabs, line breaks, no-break
// spaces too), NULL, NaN, and declared user-missing codes (values and a range).
const dict = dictionaryOf([
	variable('oe', 'string', { missing: { values: ['XX'], range: null } }),
	variable('q', 'numeric', { missing: { values: [99], range: [-9, -1] } })
]);
const data: unknown[][] = [
	['fine', 1], // 1: neither missing
	['', 99], // 2: empty text; user-missing 99
	['  \t\n', -5], // 3: whitespace only; in the range
	['\u00a0', null], // 4: no-break space; NULL
	['XX', Number.NaN], // 5: user-missing text; NaN
	[null, 0], // 6
	[' ok ', -10] // 7: padded answer is an answer; -10 is below the range
];

describe('dataset missing', () => {
	let db: SqlDb;
	beforeAll(async () => {
		db = await openNodeDb();
		await tableOf(db, dict, data);
	});
	afterAll(() => db.close());

	const rowsWhere = async (f: ReturnType<typeof isMissing>) =>
		(await rows<{ r: number }>(db, sql`SELECT __row AS r FROM data WHERE ${f} ORDER BY __row`)).map((x) => x.r);

	it('text: empty after trimming or a user-missing code', async () => {
		const [oe] = dict.variables;
		expect(await rowsWhere(isMissing(oe))).toEqual([2, 3, 4, 5, 6]);
		expect(await rowsWhere(systemMissing(oe))).toEqual([2, 3, 4, 6]);
		expect(await rowsWhere(userMissing(oe))).toEqual([5]);
	});

	it('numbers: NULL, NaN, discrete codes and the range', async () => {
		const [, q] = dict.variables;
		expect(await rowsWhere(isMissing(q))).toEqual([2, 3, 4, 5]);
		const values = await rows<{ v: number | null }>(db, sql`SELECT ${valueOf(q)} AS v FROM data ORDER BY __row`);
		expect(values.map((x) => x.v)).toEqual([1, null, null, null, null, 0, -10]);
	});

	it('rules, summaries and checks agree with it', async () => {
		const [oe, q] = dict.variables;
		expect(Array.from(await evaluateRule(db, 'oe is missing', dict))).toEqual([2, 3, 4, 5, 6]);
		expect(Array.from(await evaluateRule(db, 'q is missing', dict))).toEqual([2, 3, 4, 5]);
		const s = await summarize(db, oe);
		expect(s.systemMissing + s.userMissing).toBe(5);
		expect(s.valid).toBe(2);
		const n = await summarize(db, q);
		expect([n.valid, n.systemMissing, n.userMissing]).toEqual([3, 2, 2]);
	});
});
