import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyRecipe } from '../../../../app/lib/engine/recipe';
import type { Recipe, RecipeStep } from '../../../../app/lib/engine/recipe';
import type { SqlDb } from '../../../../app/lib/engine/sql/db';
import { FIXTURES, loadFixture, rowsOf } from './load-fixture';

const SHA = 'a'.repeat(64);
const HOSTILE = `'; DROP TABLE data; --`;
const recipe = (...steps: RecipeStep[]): Recipe => ({ version: 1, dataset: { sha256: SHA }, steps });
const open: SqlDb[] = [];
let shared: Awaited<ReturnType<typeof loadFixture>>;
// applyRecipe never changes `data`, so every test can replay on one import.
beforeAll(async () => {
	shared = await loadFixture(`${FIXTURES}/recipe/wave1.csv`);
	open.push(shared.db);
});
afterAll(async () => {
	for (const db of open) await db.close();
});

async function wave1() {
	return shared;
}

async function run(...steps: RecipeStep[]) {
	const { db, dictionary } = await wave1();
	const result = await applyRecipe(db, dictionary, recipe(...steps), { idVariable: 'rid' });
	return { db, result, rows: await rowsOf(db, result.table, 'rid, age, gender, q1, city, visit') };
}

type Row = { rid: number; age: number | null; gender: string; q1: number | null; city: string; visit: string | null };
const ORIGINAL: Row[] = [
	{ rid: 1, age: 34, gender: 'm', q1: 1, city: 'Berlin', visit: '2024-01-05' },
	{ rid: 2, age: 19, gender: 'Male ', q1: 2, city: 'Paris', visit: '2024-01-06' },
	{ rid: 3, age: 45, gender: 'f', q1: 3, city: `O'Brien "town"`, visit: '2024-01-07' },
	{ rid: 4, age: 27, gender: 'Female', q1: 9, city: 'Rome', visit: '2024-01-08' },
	{ rid: 5, age: 52, gender: 'm', q1: 2, city: 'Oslo', visit: '2024-01-09' },
	{ rid: 6, age: null, gender: 'female', q1: 1, city: '=HYPERLINK(1)', visit: '2024-01-10' }
];
const patch = (changes: Record<number, Partial<Row>>) => ORIGINAL.map((r) => ({ ...r, ...changes[r.rid] }));

describe('applyRecipe on wave 1', () => {
	it('without steps gives the original rows', async () => {
		const { rows, result } = await run();
		expect(rows).toEqual(ORIGINAL);
		expect(result.report).toEqual({ applied: 0, skipped: [] });
		expect(result.rows).toBe(6);
	});

	it('exclude removes the respondent; a later keep puts them back and is listed', async () => {
		const { rows, result } = await run(
			{ action: 'exclude', respondent: 2, reason: 'speeder' },
			{ action: 'exclude', respondent: 4 },
			{ action: 'keep', respondent: 4, reason: 'checked by hand' },
			{ action: 'keep', respondent: 5 }
		);
		expect(rows.map((r) => r.rid)).toEqual([1, 3, 4, 5, 6]);
		expect(result.kept).toEqual([4, 5]);
		expect(result.report).toEqual({ applied: 4, skipped: [] });
		expect(result.rows).toBe(5);
	});

	it('matches a respondent id given as text against a numeric id', async () => {
		const { rows } = await run({ action: 'exclude', respondent: '3' });
		expect(rows.map((r) => r.rid)).toEqual([1, 2, 4, 5, 6]);
	});

	it('set-missing empties one cell, a whole variable, or the cells holding given values', async () => {
		expect((await run({ action: 'set-missing', respondent: 3, variable: 'age' })).rows).toEqual(patch({ 3: { age: null } }));
		expect((await run({ action: 'set-missing', variable: 'visit' })).rows).toEqual(ORIGINAL.map((r) => ({ ...r, visit: null })));
		expect((await run({ action: 'set-missing', variable: 'q1', from: [9, 3] })).rows).toEqual(patch({ 3: { q1: null }, 4: { q1: null } }));
	});

	it('edit-value sets numbers, dates and hostile text as plain values', async () => {
		const { db, rows, result } = await run(
			{ action: 'edit-value', respondent: 5, variable: 'age', value: 34.5 },
			{ action: 'edit-value', respondent: 1, variable: 'visit', value: '2024-02-29' },
			{ action: 'edit-value', respondent: 2, variable: 'city', value: HOSTILE, reason: HOSTILE }
		);
		expect(rows).toEqual(patch({ 5: { age: 34.5 }, 1: { visit: '2024-02-29' }, 2: { city: HOSTILE } }));
		expect(result.report.applied).toBe(3);
		expect((await rowsOf(db, 'data')).length).toBe(6);
		// The edited text is longer than city's declared A14: the dictionary widens to fit it.
		expect(result.dictionary.variables.find((v) => v.name === 'city')).toMatchObject({
			width: HOSTILE.length,
			format: `A${HOSTILE.length}`
		});
	});

	it('recodes text categories exactly as written, hostile ones included', async () => {
		const { rows } = await run(
			{ action: 'recode', variable: 'gender', from: ['m', 'Male '], to: 'Male' },
			{ action: 'merge-categories', variable: 'gender', from: ['f', 'Female', 'female'], to: HOSTILE },
			{ action: 'recode', variable: 'city', from: [HOSTILE, `O'Brien "town"`], to: 'Dublin' }
		);
		expect(rows.map((r) => r.gender)).toEqual(['Male', 'Male', HOSTILE, HOSTILE, 'Male', HOSTILE]);
		expect(rows.map((r) => r.city)).toEqual(['Berlin', 'Paris', 'Dublin', 'Rome', 'Oslo', '=HYPERLINK(1)']);
	});

	it('applies steps in order: an edit after a recode wins, a recode after an edit recodes it', async () => {
		const a = await run(
			{ action: 'recode', variable: 'q1', from: [1], to: 5 },
			{ action: 'edit-value', respondent: 1, variable: 'q1', value: 1 }
		);
		expect(a.rows.map((r) => r.q1)).toEqual([1, 2, 3, 9, 2, 5]);
		const b = await run(
			{ action: 'edit-value', respondent: 2, variable: 'q1', value: 1 },
			{ action: 'recode', variable: 'q1', from: [1], to: 5 }
		);
		expect(b.rows.map((r) => r.q1)).toEqual([5, 5, 3, 9, 2, 5]);
		const c = await run(
			{ action: 'edit-value', respondent: 2, variable: 'age', value: 1 },
			{ action: 'edit-value', respondent: 2, variable: 'age', value: 2 },
			{ action: 'set-missing', respondent: 1, variable: 'age' }
		);
		expect(c.rows.map((r) => r.age)).toEqual([null, 2, 45, 27, 52, null]);
	});

	it('reports steps that do not fit the dataset and applies the rest', async () => {
		const { rows, result } = await run(
			{ action: 'exclude', respondent: 99 },
			{ action: 'set-missing', respondent: 1, variable: 'income' },
			{ action: 'edit-value', respondent: 1, variable: 'age', value: 'old' },
			{ action: 'edit-value', respondent: 1, variable: 'visit', value: '2024-02-30' },
			{ action: 'edit-value', respondent: 1, variable: 'rid', value: 100 },
			{ action: 'recode', variable: 'q1', from: [1, 'x'], to: 2 },
			{ action: 'exclude', respondent: 'abc' },
			{ action: 'edit-value', respondent: 1, variable: 'age', value: 35 }
		);
		expect(result.report.skipped).toEqual([
			{ step: 0, reason: 'respondent 99 is not in the dataset' },
			{ step: 1, reason: 'variable "income" is not in the dataset' },
			{ step: 2, reason: 'value "old" does not fit numeric variable "age"' },
			{ step: 3, reason: 'value "2024-02-30" does not fit date variable "visit"' },
			{ step: 4, reason: '"rid" is the respondent id variable, which a recipe does not change' },
			{ step: 5, reason: 'value "x" does not fit numeric variable "q1"' },
			{ step: 6, reason: 'respondent "abc" is not in the dataset' }
		]);
		expect(result.report.applied).toBe(1);
		expect(rows).toEqual(patch({ 1: { age: 35 } }));
	});

	it('can match respondents by __row when the file has no id', async () => {
		const { db, dictionary } = await wave1();
		const r = await applyRecipe(
			db,
			dictionary,
			recipe({ action: 'exclude', respondent: 6 }, { action: 'edit-value', respondent: 1, variable: 'rid', value: 10 }),
			{ idVariable: '__row' }
		);
		expect((await rowsOf(db, r.table, 'rid')).map((x) => x.rid)).toEqual([10, 2, 3, 4, 5]);
	});

	it('replaces an earlier cleaned table or view', async () => {
		const { db, dictionary } = await wave1();
		await applyRecipe(db, dictionary, recipe({ action: 'edit-value', respondent: 1, variable: 'age', value: 1 }), { idVariable: 'rid' });
		await applyRecipe(db, dictionary, recipe({ action: 'exclude', respondent: 1 }), { idVariable: 'rid' });
		expect((await rowsOf(db, 'cleaned', 'rid, age')).slice(0, 1)).toEqual([{ rid: 2, age: 19 }]);
		await applyRecipe(db, dictionary, recipe({ action: 'edit-value', respondent: 2, variable: 'age', value: 1 }), { idVariable: 'rid' });
		expect((await rowsOf(db, 'cleaned', 'rid, age')).slice(0, 2)).toEqual([
			{ rid: 1, age: 34 },
			{ rid: 2, age: 1 }
		]);
	});
});

describe('applyRecipe on an SPSS file with value labels', () => {
	it('merging categories moves the value labels with the codes', async () => {
		const { db, dictionary } = await loadFixture(`${FIXTURES}/sav/pyreadstat_sample.sav`);
		open.push(db);
		const r = await applyRecipe(
			db,
			dictionary,
			recipe(
				{ action: 'merge-categories', variable: 'myord', from: [2, 3], to: 2, label: 'medium or high' },
				{ action: 'recode', variable: 'mylabl', from: [1], to: 3 },
				{ action: 'edit-value', respondent: 'b', variable: 'dtime', value: '2020-01-02 03:04:05.5' }
			),
			{ idVariable: 'mychar' }
		);
		expect(r.report.skipped).toEqual([]);
		const vars = Object.fromEntries(r.dictionary.variables.map((v) => [v.name, v]));
		expect(vars.myord.valueLabels).toEqual({ '1': 'low', '2': 'medium or high' });
		expect(vars.mylabl.valueLabels).toEqual({ '2': 'Female', '3': 'Male' });
		expect(dictionary.variables.find((v) => v.name === 'myord')!.valueLabels).toEqual({ '1': 'low', '2': 'medium', '3': 'high' });
		const rows = await rowsOf(db, r.table, 'mychar, myord, mylabl, CAST(dtime AS VARCHAR) AS dtime');
		expect(rows.map((x) => [x.mychar, x.myord, x.mylabl])).toEqual([
			['a', 1, 3],
			['b', 2, 2],
			['c', 2, 3],
			['d', 1, 2],
			['e', 1, 3]
		]);
		expect(rows[1].dtime).toBe('2020-01-02 03:04:05.5');
	});
});
