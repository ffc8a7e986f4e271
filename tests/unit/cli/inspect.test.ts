import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const SAV = new URL('../../fixtures/sav/', import.meta.url).pathname;
const IMPORT = new URL('../../fixtures/import/', import.meta.url).pathname;

// tsx directly, not npx: npx adds its own warnings to stderr, which the tests read.
const SIEVE = [new URL('../../../node_modules/tsx/dist/cli.mjs', import.meta.url).pathname, 'app/cli/sieve.ts'];

function inspect(file: string, ...args: string[]) {
	return JSON.parse(execFileSync('node', [...SIEVE, 'inspect', file, '--json', ...args], { encoding: 'utf8' }));
}

describe('sieve inspect', () => {
	it('prints the SPEC §7 shape for an SPSS file: sysmis as null, dates as text, times as seconds', () => {
		const out = inspect(`${SAV}pyreadstat_sample.sav`, '--rows', '5');
		expect(out.rows).toBe(5);
		expect(out.encoding).toBe('windows-1252');
		expect(out.variables.map((v: { name: string }) => v.name)).toEqual(['mychar', 'mynum', 'mydate', 'dtime', 'mylabl', 'myord', 'mytime']);
		expect(out.head[0]).toEqual({
			mychar: 'a',
			mynum: 1.1,
			mydate: '2018-05-06',
			dtime: '2018-05-06T10:10:10',
			mylabl: 1,
			myord: 1,
			mytime: 36610
		});
		expect(out.head[4]).toMatchObject({ mychar: 'e', mynum: 1000.3, mydate: null, dtime: null, mytime: null });
		const mylabl = out.variables.find((v: { name: string }) => v.name === 'mylabl');
		expect(mylabl.valueLabels).toEqual({ '1': 'Male', '2': 'Female' });
	});

	it('reads the portable file of the same data identically (portable files keep names upper-case)', () => {
		const sav = inspect(`${SAV}pyreadstat_sample.sav`, '--rows', '5');
		const por = inspect(`${SAV}pyreadstat_sample.por`, '--rows', '5');
		expect(por.rows).toBe(5);
		const lower = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k.toLowerCase(), v]));
		expect(por.head.map(lower)).toEqual(sav.head);
	});

	it('prints user-missing values as they are, with the range using null for LOWEST/HIGHEST', () => {
		const out = inspect(`${SAV}srw_spssio_test.sav`, '--rows', '1');
		const ranges = out.variables.filter((v: { missing: { range: unknown } }) => v.missing.range !== null);
		expect(ranges.some((v: { missing: { range: [null, number] } }) => v.missing.range[0] === null)).toBe(true);
	});

	it('works for CSV with the sniffed encoding, and exits non-zero with one line for an encrypted file', () => {
		const csv = inspect(`${IMPORT}cp1252-tab.csv`);
		expect(csv.encoding).toBe('windows-1252');
		expect(csv.head).toEqual([
			{ id: 1, city: 'Köln' },
			{ id: 2, city: 'São Paulo' }
		]);
		const r = spawnSync('node', [...SIEVE, 'inspect', `${SAV}pspp_hotel-encrypted.sav`, '--json'], {
			encoding: 'utf8'
		});
		expect(r.status).toBe(1);
		expect(r.stdout).toBe('');
		expect(r.stderr.trim()).toBe('pspp_hotel-encrypted.sav: encrypted SPSS file: decrypt it in SPSS first');
	});
});
