import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSavAll } from '../../../app/lib/io/spss';

// Exports name respondents by the id variable's value, whatever it is called, and never by row:
// the bug this guards against excluded CaseID 6 (row 6) when the reviewer excluded CaseID 287.
const SIEVE = [new URL('../../../node_modules/tsx/dist/cli.mjs', import.meta.url).pathname, 'app/cli/sieve.ts'];
const dir = mkdtempSync(path.join(tmpdir(), 'sieve-id-cli-'));

function sieve(...args: string[]) {
	const r = spawnSync('node', [...SIEVE, ...args], { encoding: 'utf8' });
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** 1..n in a fixed shuffled order (a seeded Fisher–Yates). */
function shuffled(n: number, seed: number): number[] {
	const out = Array.from({ length: n }, (_, i) => i + 1);
	let s = seed;
	for (let i = n - 1; i > 0; i--) {
		s = (s * 1103515245 + 12345) % 2147483648;
		const j = s % (i + 1);
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

function survey(name: string, idHeader: string | null, ids: (string | number)[]): string {
	const head = [...(idHeader ? [idHeader] : []), 'q1', 'q2', 'q3', 'age'].join(',');
	const lines = ids.map((id, i) => [...(idHeader ? [id] : []), (i % 5) + 1, ((i * 7) % 5) + 1, ((i * 3) % 4) + 1, 18 + (i % 60)].join(','));
	const file = path.join(dir, name);
	writeFileSync(file, `${head}\n${lines.join('\n')}\n`);
	return file;
}

function recipe(name: string, excluded: (string | number)[]): string {
	const file = path.join(dir, name);
	writeFileSync(
		file,
		JSON.stringify({ version: 1, steps: excluded.map((respondent) => ({ action: 'exclude', respondent, reason: 'test' })) })
	);
	return file;
}

const csvColumn = (file: string, column: string) => {
	const [head, ...rows] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
	const i = head.split(',').indexOf(column);
	return rows.map((r) => r.split(',')[i]);
};

describe('respondents are named by their id value', () => {
	it('a shuffled numeric CaseID: the excluded ids are exactly absent from CSV and .sav', async () => {
		const ids = shuffled(300, 11);
		const file = survey('caseid.csv', 'CaseID', ids);
		const excluded = [ids[5], ids[41], ids[299]];
		expect(excluded[0]).not.toBe(6);
		const r = recipe('caseid.json', excluded);
		const csv = path.join(dir, 'caseid-clean.csv');
		const out = sieve('export', file, '--recipe', r, '--to', csv, '--no-flags');
		expect(out.stderr).toContain('respondent id (CaseID)');
		expect(out.code).toBe(0);
		const kept = csvColumn(csv, 'CaseID').map(Number);
		expect(kept).toHaveLength(297);
		expect(kept).toEqual(ids.filter((x) => !excluded.includes(x)));

		const sav = path.join(dir, 'caseid-clean.sav');
		expect(sieve('export', file, '--recipe', r, '--to', sav, '--no-flags').code).toBe(0);
		const back = await readSavAll(new Uint8Array(readFileSync(sav)));
		const col = back.dictionary.variables.findIndex((v) => v.name === 'CaseID');
		expect(Array.from(back.columns[col] as Float64Array)).toEqual(ids.filter((x) => !excluded.includes(x)));
	});

	it('string ResponseIds (Qualtrics): exclusions by id, nothing else removed', () => {
		const ids = Array.from({ length: 120 }, (_, i) => `R_${(i * 7919 + 104729).toString(36).padStart(15, 'x')}`);
		const file = survey('qualtrics.csv', 'ResponseId', ids);
		const excluded = [ids[3], ids[77]];
		const csv = path.join(dir, 'qualtrics-clean.csv');
		const out = sieve('export', file, '--recipe', recipe('q.json', excluded), '--to', csv, '--no-flags');
		expect(out.code).toBe(0);
		expect(csvColumn(csv, 'ResponseId')).toEqual(ids.filter((x) => !excluded.includes(x)));
	});

	it('a file without an id gets sieve_id (file order), which exports keep and recipes use; inspect shows the file as it is', () => {
		const file = survey(
			'noid.csv',
			null,
			Array.from({ length: 40 }, (_, i) => i)
		);
		const inspect = JSON.parse(sieve('inspect', file, '--rows', '2', '--json').stdout);
		expect(inspect.variables.map((v: { name: string }) => v.name)).toEqual(['q1', 'q2', 'q3', 'age']);
		const csv = path.join(dir, 'noid-clean.csv');
		const r = sieve('export', file, '--recipe', recipe('noid.json', [2, 40]), '--to', csv, '--no-flags');
		expect(r.code).toBe(0);
		expect(r.stderr).toContain('respondent id (sieve_id)');
		expect(readFileSync(csv, 'utf8').split(/\r?\n/)[0]).toBe('sieve_id,q1,q2,q3,age');
		const kept = csvColumn(csv, 'sieve_id').map(Number);
		expect(kept).toEqual(Array.from({ length: 40 }, (_, i) => i + 1).filter((x) => x !== 2 && x !== 40));
		const result = path.join(dir, 'noid-result.json');
		expect(sieve('check', file, '--out', result).code).toBe(0);
		expect(
			JSON.parse(readFileSync(result, 'utf8'))
				.respondents.slice(0, 3)
				.map((x: { id: number }) => x.id)
		).toEqual([1, 2, 3]);
	});

	it('an id column with repeated values cannot name respondents: sieve_id is added and the exported file keeps both', () => {
		const file = survey('dupid.csv', 'id', [1, 2, 3, 3, 5, 6, 7, 8, 9, 10]);
		const csv = path.join(dir, 'dupid-clean.csv');
		const r = sieve('export', file, '--recipe', recipe('dupid.json', [4]), '--to', csv, '--no-flags');
		expect(r.code).toBe(0);
		expect(readFileSync(csv, 'utf8').split(/\r?\n/)[0]).toBe('sieve_id,id,q1,q2,q3,age');
		const result = path.join(dir, 'dupid-result.json');
		const check = sieve('check', file, '--out', result);
		expect(check.code).toBe(0);
		expect(
			JSON.parse(readFileSync(result, 'utf8')).respondents.filter((x: { flags: { message: string }[] }) =>
				x.flags.some((f) => f.message === 'id 3 is used by 2 rows')
			)
		).toHaveLength(2);
		expect(csvColumn(csv, 'id')).toEqual(['1', '2', '3', '5', '6', '7', '8', '9', '10']);
	});

	it('a CONFIG with a bad rule, a misspelt key or an out-of-range parameter exits 2 naming it', () => {
		const file = survey('cfg.csv', 'CaseID', shuffled(50, 3));
		const bad = path.join(dir, 'bad-rule.json');
		writeFileSync(bad, JSON.stringify({ rules: [{ id: 'adult', when: 'agee < 18' }] }));
		const r1 = sieve('check', file, '--config', bad, '--out', path.join(dir, 'r1.json'));
		expect(r1.code).toBe(2);
		expect(r1.stderr).toMatch(/bad-rule\.json: rules\[0\] "adult": unknown variable .*agee/);
		const typo = path.join(dir, 'typo.json');
		writeFileSync(typo, JSON.stringify({ grid: [] }));
		const r2 = sieve('check', file, '--config', typo, '--out', path.join(dir, 'r2.json'));
		expect(r2.code).toBe(2);
		expect(r2.stderr).toMatch(/typo\.json: config: .*grid/);
		const param = path.join(dir, 'param.json');
		writeFileSync(param, JSON.stringify({ checks: { speeders: { fraction: 3 } } }));
		const r3 = sieve('check', file, '--config', param, '--out', path.join(dir, 'r3.json'));
		expect(r3.code).toBe(2);
		expect(r3.stderr).toContain('checks.speeders.fraction: must be between 0 and 1');
	});
});
