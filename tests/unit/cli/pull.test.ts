import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pullCommand from '../../../app/cli/commands/pull';
import { readSavAll } from '../../../app/lib/io/spss';
import { KOBO_TOKEN, KOBO_UID, startKobo } from '../../support/platforms/kobo';
import { parseCsv } from '../../support/platforms/parse-csv';

const dir = mkdtempSync(path.join(tmpdir(), 'sieve-pull-cli-'));

// in-process rather than spawned: the stand-in answers from this event loop, and a spawn costs seconds of start-up
async function sieve(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stderr: string }> {
	let stderr = '';
	const write = process.stderr.write;
	process.stderr.write = ((chunk: string | Uint8Array) => {
		stderr += String(chunk);
		return true;
	}) as typeof process.stderr.write;
	Object.assign(process.env, env);
	try {
		return { code: await pullCommand(args), stderr };
	} finally {
		process.stderr.write = write;
		for (const k of Object.keys(env)) delete process.env[k];
	}
}

let kobo: Awaited<ReturnType<typeof startKobo>>;
beforeAll(async () => {
	kobo = await startKobo(120);
});
afterAll(() => kobo.close());

describe('sieve pull', () => {
	it('pulls a Kobo form into .sav with the form labels as variable labels and the sync log on stderr', async () => {
		const out = path.join(dir, 'water.sav');
		const r = await sieve(['kobo', '--url', kobo.url, '--form', KOBO_UID, '--page-size', '50', '--out', out], {
			SIEVE_PULL_TOKEN: KOBO_TOKEN
		});
		expect(r.stderr).toMatch(/^sync [0-9a-f-]{36} kobo pull aXk9Wq2mT5bLp: ok; 120 fetched in 3 pages, 0 retries/m);
		expect(r.code).toBe(0);
		const sav = await readSavAll(new Uint8Array(readFileSync(out)));
		expect(sav.rows).toBe(120);
		const byName = new Map(sav.dictionary.variables.map((v) => [v.name, v]));
		const region = [...byName.values()].find((v) => /region/.test(v.name));
		expect(region?.label).toBe('Which region do you live in?');
		expect([...byName.values()].find((v) => /comment/.test(v.name))?.label).toBe('Anything else you want to tell us?');
	});

	it('an incremental pull to CSV keeps multilingual answers and neutralises formulas like every export', async () => {
		const out = path.join(dir, 'new.csv');
		const since = `${kobo.people[99]!.submitted}Z`;
		const r = await sieve(['kobo', '--url', kobo.url, '--form', KOBO_UID, '--token', KOBO_TOKEN, '--since', since, '--out', out]);
		expect(r.code).toBe(0);
		const rows = parseCsv(readFileSync(out, 'utf8').replace(/^\uFEFF/, ''));
		expect(rows.map((row) => row._uuid)).toEqual(kobo.people.slice(100).map((p) => p.uuid));
		const comments = new Set(rows.map((row) => row.comment));
		expect(comments).toContain('الماء غير كاف في الصيف');
		expect(comments).toContain('El agua "no alcanza"\nen verano');
		expect([...comments].filter((c) => c.includes('SUM(')).every((c) => !c.startsWith('='))).toBe(true);
	});

	it('an incremental pull with nothing new exits 0 and writes no file', async () => {
		const out = path.join(dir, 'nothing.csv');
		const r = await sieve([
			'kobo',
			'--url',
			kobo.url,
			'--form',
			KOBO_UID,
			'--token',
			KOBO_TOKEN,
			'--since',
			'2030-01-01T00:00:00Z',
			'--out',
			out
		]);
		expect(r.code).toBe(0);
		expect(r.stderr).toMatch(/: ok; 0 fetched in 1 pages/);
		expect(r.stderr).toMatch(/no submissions after 2030-01-01T00:00:00Z; .*nothing\.csv not written/);
		expect(existsSync(out)).toBe(false);
	});

	it('a refused token exits 1 with one line naming the platform answer, and writes nothing', async () => {
		const out = path.join(dir, 'refused.parquet');
		const r = await sieve(['kobo', '--url', kobo.url, '--form', KOBO_UID, '--token', 'wrong', '--out', out]);
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(/failed \(auth\)/);
		expect(r.stderr).toMatch(/^sieve pull: kobo aXk9Wq2mT5bLp: .*HTTP 401 .*Invalid token.*; nothing written$/m);
		expect(existsSync(out)).toBe(false);
	});
});
