import { describe, expect, it } from 'vitest';
import { applyRecipe, decisionsToRecipe, parseRecipe, serialiseRecipe, type Decision } from '../../../../app/lib/engine/recipe';
import { blobSha256 } from '../../../../app/lib/io/sha256';
import { openAsBlob } from 'node:fs';
import { FIXTURES, loadFixture, rowsOf } from './load-fixture';

const WAVE1 = `${FIXTURES}/recipe/wave1.csv`;
const WAVE2 = `${FIXTURES}/recipe/wave2.csv`;
const base = { author: 'ana', time: '2025-03-01T10:00:00Z' };
const decisions: Decision[] = [
	{ ...base, target: { kind: 'respondent', respondent: 1 }, action: 'exclude', reason: 'speeder' },
	{ ...base, target: { kind: 'cell', respondent: 3, variable: 'age' }, action: 'set-missing', reason: `"impossible"; DROP TABLE data; --` },
	{ ...base, target: { kind: 'cell', respondent: 5, variable: 'age' }, action: 'edit-value', value: 50, reason: 'typo' },
	{
		...base,
		target: { kind: 'category', variable: 'gender', values: ['m', 'Male '] },
		action: 'recode',
		value: 'Male',
		reason: 'spelling'
	},
	{ ...base, target: { kind: 'category', variable: 'q1', values: [9] }, action: 'set-missing', reason: '9 = no answer' },
	{ ...base, target: { kind: 'respondent', respondent: 4 }, action: 'exclude', reason: 'straight-liner' },
	{ ...base, target: { kind: 'cell', respondent: 2, variable: 'city' }, action: 'edit-value', value: `O'Hare, "Chicago"`, reason: 'fix' },
	{ ...base, target: { kind: 'respondent', respondent: 6 }, action: 'keep', reason: 'checked' }
];

describe('recipe round trip', () => {
	it('serialise → parse → apply on a fresh import of the same file gives identical cleaned data', async () => {
		const sha256 = await blobSha256(await openAsBlob(WAVE1));
		const first = await loadFixture(WAVE1);
		const a = await applyRecipe(first.db, first.dictionary, decisionsToRecipe(decisions, sha256), { idVariable: 'rid' });
		const want = await rowsOf(first.db, a.table);
		await first.db.close();

		const text = serialiseRecipe(decisionsToRecipe(decisions, sha256));
		const fresh = await loadFixture(WAVE1);
		const b = await applyRecipe(fresh.db, fresh.dictionary, parseRecipe(JSON.parse(text)), { idVariable: 'rid' });
		const got = await rowsOf(fresh.db, b.table);
		await fresh.db.close();

		expect(got).toEqual(want);
		expect(b.dictionary).toEqual(a.dictionary);
		expect(b.report).toEqual({ applied: 8, skipped: [] });
		expect(got.map((r) => r.rid)).toEqual([2, 3, 5, 6]);
		expect(parseRecipe(JSON.parse(text)).dataset?.sha256).toBe(sha256);
	});

	it('replays on the next wave: missing respondents and variables are reported, the rest applied', async () => {
		const recipe = parseRecipe(JSON.parse(serialiseRecipe(decisionsToRecipe(decisions, 'f'.repeat(64)))));
		const wave2 = await loadFixture(WAVE2);
		try {
			const r = await applyRecipe(wave2.db, wave2.dictionary, recipe, { idVariable: 'rid' });
			expect(r.report.skipped).toEqual([
				{ step: 0, reason: 'respondent 1 is not in the dataset' },
				{ step: 4, reason: 'variable "q1" is not in the dataset' },
				{ step: 5, reason: 'respondent 4 is not in the dataset' },
				{ step: 7, reason: 'respondent 6 is not in the dataset' }
			]);
			expect(r.report.applied).toBe(4);
			expect(await rowsOf(wave2.db, r.table, 'rid, age, gender, city')).toEqual([
				{ rid: 2, age: 20, gender: 'Male', city: `O'Hare, "Chicago"` },
				{ rid: 3, age: null, gender: 'f', city: 'Lyon' },
				{ rid: 5, age: 50, gender: 'Male', city: 'Oslo' },
				{ rid: 7, age: 31, gender: 'Male', city: 'Kyiv' }
			]);
		} finally {
			await wave2.db.close();
		}
	});
});
