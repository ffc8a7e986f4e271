import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { openAsBlob } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { flagScores } from '../../../app/lib/engine/recipe';
import { openDataset } from '../../../app/lib/engine/dataset/dataset';
import { readSavAll } from '../../../app/lib/io/spss';
import { blobSha256 } from '../../../app/lib/io/sha256';
import { loadFixture } from '../engine/recipe/load-fixture';
import { exportBytes } from '../io/export/export-helpers';

const WAVE1 = new URL('../../fixtures/recipe/wave1.csv', import.meta.url).pathname;
// tsx directly, not npx: npx adds its own warnings to stderr, which the tests read.
const SIEVE = [new URL('../../../node_modules/tsx/dist/cli.mjs', import.meta.url).pathname, 'app/cli/sieve.ts'];
const dir = mkdtempSync(path.join(tmpdir(), 'sieve-export-cli-'));

function sieve(...args: string[]) {
	const r = spawnSync('node', [...SIEVE, 'export', ...args], { encoding: 'utf8' });
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function writeRecipe(name: string, recipe: unknown): string {
	const file = path.join(dir, name);
	writeFileSync(file, JSON.stringify(recipe));
	return file;
}

const STEPS = [
	{ action: 'exclude', respondent: 2, reason: 'speeder' },
	{ action: 'set-missing', respondent: 3, variable: 'age' },
	{ action: 'recode', variable: 'gender', from: ['m', 'Male '], to: 'Male' },
	{ action: 'exclude', respondent: 77 }
];

describe('sieve export', () => {
	it('refuses to write a file when a recipe step does not apply, unless --allow-skipped', () => {
		const recipe = writeRecipe('skips.json', { version: 1, dataset: { sha256: '0'.repeat(64) }, steps: STEPS });
		const out = path.join(dir, 'refused.csv');
		const r = sieve(WAVE1, '--recipe', recipe, '--to', out, '--no-flags');
		expect(r.code).toBe(3);
		expect(r.stderr).toContain('recipe step 3 (exclude) skipped: respondent 77 is not in the dataset');
		expect(r.stderr.trim().split('\n').at(-1)).toBe(
			'sieve export: 1 of 4 recipe steps did not apply; nothing written (use --allow-skipped to write the file anyway)'
		);
		expect(existsSync(out)).toBe(false);
		expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);
	});

	it('notes a recipe that does not name its file, and replays it by respondent id', () => {
		const recipe = writeRecipe('nohash.json', { version: 1, steps: STEPS.slice(0, 1) });
		const out = path.join(dir, 'nohash.csv');
		const r = sieve(WAVE1, '--recipe', recipe, '--to', out, '--no-flags');
		expect(r.code).toBe(0);
		expect(r.stderr).toMatch(
			/^note: .*nohash\.json does not say which file it was made on; steps are matched by respondent id \(rid\) and variable name$/m
		);
		expect(
			readFileSync(out, 'utf8')
				.split('\r\n')
				.map((l) => l.split(',')[0])
		).toEqual(['rid', '1', '3', '4', '5', '6', '']);
	});

	it('writes the cleaned CSV, prints nothing on stdout, and notes a recipe made for another file', () => {
		const recipe = writeRecipe('other.json', { version: 1, dataset: { sha256: '0'.repeat(64) }, steps: STEPS });
		const out = path.join(dir, 'clean.csv');
		const r = sieve(WAVE1, '--recipe', recipe, '--to', out, '--no-flags', '--allow-skipped');
		expect(r.stdout).toBe('');
		expect(r.code).toBe(0);
		const lines = r.stderr.trim().split('\n');
		expect(lines[0]).toMatch(
			/^note: .*other\.json was made on a different file \(sha256 000000000000…, .*wave1\.csv is [0-9a-f]{12}…\); steps are matched by respondent id \(rid\) and variable name$/
		);
		expect(lines).toContain('recipe step 3 (exclude) skipped: respondent 77 is not in the dataset');
		expect(lines.at(-1)).toBe(`${out}: 5 rows, 6 variables, ${readFileSync(out).length} bytes; recipe: 3 steps applied, 1 skipped`);
		expect(readFileSync(out, 'utf8')).toBe(
			[
				'rid,age,gender,q1,city,visit',
				'1,34,Male,1,Berlin,2024-01-05',
				`3,,f,3,"O'Brien ""town""",2024-01-07`,
				'4,27,Female,9,Rome,2024-01-08',
				'5,52,Male,2,Oslo,2024-01-09',
				"6,,female,1,'=HYPERLINK(1),2024-01-10",
				''
			].join('\r\n')
		);
	});

	it('writes the same bytes as the app path (recipe, checks, flags) and no warning for the recipe of this file', async () => {
		const sha256 = await blobSha256(await openAsBlob(WAVE1));
		const recipe = writeRecipe('same.json', { version: 1, dataset: { sha256 }, steps: STEPS });
		const out = path.join(dir, 'flags.sav');
		const r = sieve(WAVE1, '--recipe', recipe, '--to', out, '--allow-skipped');
		expect(r.code).toBe(0);
		expect(r.stdout).toBe('');
		expect(r.stderr).not.toMatch(/warning|note/);

		const f = await loadFixture(WAVE1);
		try {
			const ds = await openDataset(f.db, f.dictionary);
			const idVariable = ds.idVariable;
			expect(idVariable).toBe('rid');
			const scores = await flagScores(f.db, ds);
			const app = await exportBytes(f.db, f.dictionary, 'sav', { recipe: JSON.parse(readFileSync(recipe, 'utf8')), idVariable, scores });
			const cli = await readSavAll(new Uint8Array(readFileSync(out)));
			const mine = await readSavAll(app.bytes);
			expect(cli.columns).toEqual(mine.columns);
			expect(cli.dictionary.variables).toEqual(mine.dictionary.variables);
			expect(cli.dictionary.variables.slice(-2).map((v) => v.name)).toEqual(['sieve_score', 'sieve_verdict']);
			expect(cli.rows).toBe(5);
		} finally {
			await f.db.close();
		}
	});

	it.each([
		[
			['--to', 'out.txt'],
			2,
			/^sieve export: out\.txt: unknown export format \(use \.csv, \.xlsx, \.parquet, \.sav, \.zsav, or \.sps for the recipe as SPSS syntax\)$/
		],
		[[], 2, /^usage: sieve export FILE/],
		[['--to', 'x.csv', '--recipe', 'BAD'], 2, /^sieve export: .*bad-step\.json: recipe step 1 \(edit-value\): "value" is required$/],
		[['--to', 'x.csv', '--recipe', 'NOTJSON'], 2, /^sieve export: .*not-json\.json: .*JSON/]
	])('refuses bad input %j with exit %i and one line', (args, code, line) => {
		const bad = writeRecipe('bad-step.json', {
			version: 1,
			dataset: { sha256: '0'.repeat(64) },
			steps: [STEPS[0], { action: 'edit-value', respondent: 1, variable: 'age' }]
		});
		const notJson = path.join(dir, 'not-json.json');
		writeFileSync(notJson, '{ version: 1');
		const a = args.map((x) => (x === 'BAD' ? bad : x === 'NOTJSON' ? notJson : x === 'x.csv' ? path.join(dir, 'never.csv') : x));
		const r = sieve(...(a.length && a[0] !== '--to' ? a : [WAVE1, ...a]).filter((_, i) => args.length > 0 || i > 0));
		expect(r.code).toBe(code);
		expect(r.stdout).toBe('');
		expect(r.stderr.trim().split('\n')[0]).toMatch(line);
		if (code === 2 && args.length) expect(r.stderr.trim().split('\n')).toHaveLength(1);
		expect(existsSync(path.join(dir, 'never.csv'))).toBe(false);
	});

	it('names a missing input file in one line and leaves no partial output', () => {
		const out = path.join(dir, 'missing.parquet');
		const r = sieve(path.join(dir, 'nope.sav'), '--to', out);
		expect(r.code).toBe(1);
		expect(r.stderr.trim()).toBe(`sieve export: ${path.join(dir, 'nope.sav')}: no such file`);
		expect(readdirSync(dir).filter((n) => n.startsWith('missing.parquet'))).toEqual([]);
	});
});
