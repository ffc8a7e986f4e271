import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Recipe } from '../../../app/lib/engine/recipe';
import { readSavAll, type SavData } from '../../../app/lib/io/spss';
import { recipeSyntax } from '../../../app/lib/report/sps';
import { FIXTURES, loadFixture } from '../engine/recipe/load-fixture';
import { exportBytes } from '../io/export/export-helpers';

const RECIPE: Recipe = {
	version: 1,
	steps: [
		{ action: 'exclude', respondent: 2, reason: 'speeder. Really.', author: 'ana' },
		{ action: 'exclude', respondent: 4, reason: 'bot' },
		{ action: 'keep', respondent: 4, reason: "checked: it's a person", author: 'ben' },
		{ action: 'set-missing', respondent: 3, variable: 'age', reason: 'out of range' },
		{ action: 'recode', variable: 'gender', from: ['m', 'f'], to: 'Male or female', label: 'M/F' },
		{ action: 'edit-value', respondent: 5, variable: 'city', value: 'Reykjavík – Hafnarfjörður', reason: 'typo' },
		{ action: 'set-missing', variable: 'q1', from: [9], reason: "9 = don't know" },
		{ action: 'edit-value', respondent: 6, variable: 'visit', value: '2024-02-29' },
		{ action: 'edit-value', respondent: 1, variable: 'q1', value: 4 },
		{ action: 'set-missing', variable: 'nosuch', reason: 'a later wave' }
	]
};

/** Rows as lists of values, strings without SPSS's trailing padding. */
function table(d: SavData): (string | number | null)[][] {
	return Array.from({ length: d.rows }, (_, r) =>
		d.columns.map((c) => (Array.isArray(c) ? (c[r]?.trimEnd() ?? '') : Number.isNaN(c[r]) ? null : c[r]))
	);
}

describe('recipe as SPSS syntax', () => {
	it('gives in PSPP the same data as the Sieve export of the recipe', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'sieve-sps-'));
		const original = path.join(dir, 'original.sav');
		{
			const { db, dictionary } = await loadFixture(path.join(FIXTURES, 'recipe/wave1.csv'));
			writeFileSync(original, (await exportBytes(db, dictionary, 'sav', { idVariable: 'rid' })).bytes);
			await db.close();
		}
		const { db, dictionary } = await loadFixture(original);
		const sieve = await exportBytes(db, dictionary, 'sav', { recipe: RECIPE, idVariable: 'rid' });
		await db.close();
		expect(sieve.report.skipped.map((s) => s.step)).toEqual([9]);

		const syntax = recipeSyntax(RECIPE, dictionary, { idVariable: 'rid', file: original });
		expect(syntax).toContain("* step 3: keep (reason: checked: it's a person, by ben) .");
		expect(syntax).toContain('* step 10: set-missing (reason: a later wave); skipped: variable "nosuch" is not in the dataset .');
		const sps = path.join(dir, 'recipe.sps');
		const out = path.join(dir, 'pspp.sav');
		writeFileSync(sps, `${syntax}SAVE OUTFILE='${out}'.\n`);
		const log = execFileSync('pspp', ['-O', 'format=txt', '-o', path.join(dir, 'log.txt'), sps], { encoding: 'utf8' });
		expect(log).not.toMatch(/error/i);

		const fromSieve = await readSavAll(sieve.bytes);
		const fromPspp = await readSavAll(new Uint8Array(readFileSync(out)));
		expect(fromPspp.dictionary.variables.map((v) => v.name)).toEqual(fromSieve.dictionary.variables.map((v) => v.name));
		expect(table(fromPspp)).toEqual(table(fromSieve));
		expect(table(fromSieve).map((r) => r[0])).toEqual([1, 3, 4, 5, 6]);
		const city = fromPspp.dictionary.variables.findIndex((v) => v.name === 'city');
		expect(table(fromPspp)[3][city]).toBe('Reykjavík – Hafnarfjörður');
	}, 60_000);
});
