import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../../app/lib/demo';
import { batchToCsv, csvHeader } from '../../../app/lib/demo/to-csv';

const run = promisify(execFile);
const SIEVE = [new URL('../../../node_modules/tsx/dist/cli.mjs', import.meta.url).pathname, 'app/cli/sieve.ts'];

/** The cells of the table row whose first cell is `first`, as text. */
function rowOf(html: string, first: string): string[] {
	for (const m of html.matchAll(/<tr>(.*?)<\/tr>/g)) {
		const cells = [...m[1].matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1]);
		if (cells[0] === first) return cells;
	}
	throw new Error(`no row ${first}`);
}
const num = (s: string) => Number(s.replaceAll(',', ''));

describe('sieve report', () => {
	it('writes one self-contained HTML file whose numbers are those of sieve check', async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'sieve-report-'));
		const demo = generateDemo({ rows: 300, seed: 5 });
		let csv = csvHeader(demo.dictionary);
		for (const b of demo.batches()) csv += batchToCsv(demo.dictionary, b);
		const data = path.join(dir, 'wave 1.csv');
		await writeFile(data, csv);
		const config = path.join(dir, 'config.json');
		await writeFile(config, JSON.stringify(demo.config));
		const rid = Number(csv.split('\n')[1].split(',')[0]);
		const recipe = path.join(dir, 'recipe.json');
		await writeFile(
			recipe,
			JSON.stringify({ version: 1, steps: [{ action: 'exclude', respondent: rid, reason: 'speeder <fast>', author: 'ana' }] })
		);
		const wave2 = generateDemo({ rows: 250, seed: 6 });
		let csv2 = csvHeader(wave2.dictionary);
		for (const b of wave2.batches()) csv2 += batchToCsv(wave2.dictionary, b);
		const data2 = path.join(dir, 'wave2.csv');
		await writeFile(data2, csv2);
		const out = path.join(dir, 'report.html');
		const resultFile = path.join(dir, 'result.json');
		const [rep] = await Promise.all([
			run('node', [
				...SIEVE,
				'report',
				data,
				'--config',
				config,
				'--recipe',
				recipe,
				'--project',
				'Panel <2026>',
				'--author',
				'pi',
				'--waves',
				data2,
				'--out',
				out
			]),
			run('node', [...SIEVE, 'check', data, '--config', config, '--out', resultFile])
		]);
		expect(rep.stdout).toBe('');
		const html = await readFile(out, 'utf8');
		expect(rep.stderr.trim().split('\n').at(-1)).toMatch(
			new RegExp(`report\\.html: ${Buffer.byteLength(html).toLocaleString('en-US')} bytes, 300 respondents`)
		);

		// nothing outside the file: no URL, no script, no stylesheet or image to fetch
		expect(html).not.toMatch(/(https?:|ftp:|\/\/[a-z0-9])/i);
		expect(html).not.toMatch(/<(script|link|img|iframe|object)\b|@import|url\(/i);
		expect(html).toContain('<h1>Data-quality report: Panel &lt;2026&gt;</h1>');
		expect(html).toContain('speeder &lt;fast&gt;');

		const result = JSON.parse(await readFile(resultFile, 'utf8'));
		expect(rowOf(html, 'SHA-256')[1]).toBe(result.dataset.sha256);
		expect(rowOf(html, 'Run by')[1]).toBe('pi');
		for (const verdict of ['keep', 'review', 'remove']) {
			const n = result.respondents.filter((r: { verdict: string }) => r.verdict === verdict).length;
			expect(num(rowOf(html, verdict)[1]), verdict).toBe(n);
		}
		for (const c of result.checks) expect(num(rowOf(html, c.id)[1]), c.id).toBe(c.flagged);
		expect(rowOf(html, 'speeder &lt;fast&gt;')[1]).toBe('1');

		// the second wave beside the first: its own size, the shared recipe replayed on both
		const [, rows1, , , keepShare, , , applied1, skipped1] = rowOf(html, 'wave 1.csv');
		expect([num(rows1), applied1, skipped1]).toEqual([300, '1', '0']);
		const keep = result.respondents.filter((r: { verdict: string }) => r.verdict === 'keep').length;
		expect(keepShare).toBe(`${((100 * keep) / 300).toFixed(1)}%`);
		expect(rowOf(html, 'wave2.csv').slice(1, 2).map(num)).toEqual([250]);
		const inWave2 = csv2.split('\n').some((line) => line.startsWith(`${rid},`));
		expect(rowOf(html, 'wave2.csv').slice(7)).toEqual(inWave2 ? ['1', '0'] : ['0', '1']);
	}, 120_000);

	it('refuses an unknown report format with exit 2 and writes nothing', async () => {
		const r = await run('node', [...SIEVE, 'report', 'x.csv', '--out', 'x.docx']).catch((e) => e);
		expect(r.code).toBe(2);
		expect(r.stderr).toBe('sieve report: x.docx: unknown report format (use .html or .pdf)\n');
	});
});
