import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import check from '../../../../app/cli/commands/check';
import exportCommand from '../../../../app/cli/commands/export';
import { ENGINES } from '../../../../app/cli/engine';
import { generateDemo } from '../../../../app/lib/demo';
import { batchToCsv, csvHeader } from '../../../../app/lib/demo/to-csv';

const FIXTURES = path.resolve('tests/fixtures');
let dir = '';
const stderr: string[] = [];

beforeAll(async () => {
	// progress goes to stderr; kept to show when a command fails
	vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => stderr.push(String(s)) > 0);
	// the .sav header holds its creation time
	vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-01-02T03:04:05Z') });
	dir = await mkdtemp(path.join(tmpdir(), 'sieve-engines-'));
	const demo = generateDemo({ rows: 250, seed: 13 });
	let csv = csvHeader(demo.dictionary);
	for (const b of demo.batches()) csv += batchToCsv(demo.dictionary, b);
	await writeFile(path.join(dir, 'demo.csv'), csv);
	await writeFile(path.join(dir, 'demo.json'), JSON.stringify(demo.config));
});
afterAll(async () => {
	vi.useRealTimers();
	vi.restoreAllMocks();
	await rm(dir, { recursive: true, force: true });
});

async function sieve(command: (args: string[]) => Promise<number>, args: string[]): Promise<void> {
	stderr.length = 0;
	const code = await command(args);
	if (code !== 0) throw new Error(`sieve ${args.join(' ')} exited ${code}:\n${stderr.join('')}`);
}

/** RESULT and (when `sav`) the exported .sav from one engine; check times are the only thing allowed to differ. */
async function outputs(file: string, config: string | null, sav: boolean, engine: string): Promise<{ result: string; sav: Buffer | null }> {
	const out = path.join(dir, `${path.basename(file)}.${engine}`);
	const cfg = config ? ['--config', config] : [];
	await sieve(check, [file, ...cfg, '--out', `${out}.json`, '--engine', engine]);
	if (sav) await sieve(exportCommand, [file, ...cfg, '--to', `${out}.sav`, '--no-flags', '--engine', engine]);
	const result = (await readFile(`${out}.json`, 'utf8')).replace(/"ms":\d+/g, '"ms":0');
	return { result, sav: sav ? await readFile(`${out}.sav`) : null };
}

describe('native and WASM DuckDB give the same RESULT and export', () => {
	// each WASM start compiles its 35 MB module, so only some cases export too
	const cases: [string, () => [string, string | null], boolean][] = [
		['demo survey with its CONFIG', () => [path.join(dir, 'demo.csv'), path.join(dir, 'demo.json')], true],
		['anes96.csv (tab-separated)', () => [path.join(FIXTURES, 'real/anes96.csv'), null], false],
		['pyreadstat_sample_large.sav', () => [path.join(FIXTURES, 'sav/pyreadstat_sample_large.sav'), null], true],
		['haven_datetime.sav (dates, times)', () => [path.join(FIXTURES, 'sav/haven_datetime.sav'), null], true],
		['srw_employee_data.sav', () => [path.join(FIXTURES, 'sav/srw_employee_data.sav'), null], false]
	];
	// a generous limit: two engines, four commands, on a machine that may be busy
	it.each(cases)('%s', { timeout: 240_000 }, async (_name, paths, sav) => {
		const [file, config] = paths();
		const native = await outputs(file, config, sav, ENGINES[0]);
		const wasm = await outputs(file, config, sav, ENGINES[1]);
		const parsed = JSON.parse(native.result);
		expect(parsed.respondents.length).toBe(parsed.dataset.rows);
		expect(parsed.checks.length).toBeGreaterThan(0);
		expect(native.result).toBe(wasm.result);
		if (sav) {
			expect(native.sav!.length).toBeGreaterThan(0);
			expect(Buffer.compare(native.sav!, wasm.sav!)).toBe(0);
		}
	});
});
