/** Header and data conventions that the real fixtures do not vary, on tiny hand-built files. */
import { describe, expect, it } from 'vitest';
import { readSavAll, SpssError } from '../../../../app/lib/io/spss';
import { buildSav, float64Bytes, textBytes, type TinyVar } from './sav-builder';

const F8_2 = 0x050802;
const vars: TinyVar[] = [
	{ name: 'X', width: 0, format: F8_2 },
	{ name: 'S', width: 3, format: 0x010300 }
];
const DBL_MAX = Number.MAX_VALUE;

describe('tiny system files', () => {
	it('uncompressed, both byte orders, case count -1: reads until the data ends', async () => {
		for (const le of [true, false]) {
			const data = [...float64Bytes(1.5, le), ...textBytes('ab'), ...float64Bytes(-DBL_MAX, le), ...textBytes('')];
			const d = await readSavAll(buildSav(vars, { littleEndian: le, data }));
			expect(d.rows).toBe(2);
			expect(Array.from(d.columns[0] as Float64Array)).toEqual([1.5, NaN]);
			expect(d.columns[1]).toEqual(['ab', '']);
			expect(d.dictionary.variables.map((v) => v.name)).toEqual(['x', 's']);
		}
	});

	it('a wrong case count is a warning, not a limit', async () => {
		const data = [...float64Bytes(1), ...textBytes('a'), ...float64Bytes(2), ...textBytes('b'), ...float64Bytes(3), ...textBytes('c')];
		const d = await readSavAll(buildSav(vars, { caseCount: 2, data }));
		expect(d.rows).toBe(3);
		expect(d.dictionary.warnings).toContain('the file says 2 cases but holds 3');
	});

	it('bytecode with a bias other than 100, all codes, and the end-of-data code', async () => {
		// case 1: 10 - 50 = -40, "hi"; case 2: sysmis, blanks; case 3: raw 2.25, raw "xyz"; then 252.
		const cmd1 = [10, 253, 255, 254, 253, 253, 252, 0];
		const data = [...cmd1, ...textBytes('hi'), ...float64Bytes(2.25), ...textBytes('xyz')];
		const d = await readSavAll(buildSav(vars, { compression: 1, bias: 50, data: [...data, 1, 2, 3] }));
		expect(d.rows).toBe(3);
		expect(Array.from(d.columns[0] as Float64Array)).toEqual([-40, NaN, 2.25]);
		expect(d.columns[1]).toEqual(['hi', '', 'xyz']);
	});

	it('SYSMIS declared as NaN in record 7.4 (ReadStat) and the usual -DBL_MAX both read as missing', async () => {
		const data = [
			...float64Bytes(NaN),
			...textBytes('a'),
			...float64Bytes(-DBL_MAX),
			...textBytes('b'),
			...float64Bytes(0),
			...textBytes('c')
		];
		const d = await readSavAll(buildSav(vars, { floats: [NaN, DBL_MAX, -DBL_MAX], data }));
		expect(Array.from(d.columns[0] as Float64Array)).toEqual([NaN, NaN, 0]);
	});

	it('a damaged 7.4 record does not turn ordinary values into SYSMIS', async () => {
		const data = [...float64Bytes(0), ...textBytes('a')];
		const d = await readSavAll(buildSav(vars, { floats: [0, DBL_MAX, -DBL_MAX], data }));
		expect(Array.from(d.columns[0] as Float64Array)).toEqual([0]);
		expect(d.dictionary.warnings.join()).toMatch(/SYSMIS; ignored/);
	});

	it('a case cut in the middle is a truncation', async () => {
		const data = [...float64Bytes(1), ...textBytes('a'), ...float64Bytes(2)];
		const err = await readSavAll(buildSav(vars, { data }), 'cut.sav').catch((e) => e);
		expect(err).toBeInstanceOf(SpssError);
		expect(err.message).toMatch(/^cut\.sav: truncated at byte \d+ \(inside case 2\)$/);
	});

	it("the caller's encoding applies when the file declares none, or always when forced", async () => {
		const cp1251 = [0xcc, 0xee, 0xf1, 0x20, 0x20, 0x20, 0x20, 0x20];
		const data = [...float64Bytes(1), ...cp1251];
		const declared = buildSav(vars, { encoding: 'windows-1252', data });
		expect((await readSavAll(declared)).columns[1]).toEqual(['Ìîñ']);
		expect((await readSavAll(declared, 'x.sav', { encoding: 'CP1251' })).columns[1]).toEqual(['Ìîñ']);
		const forced = await readSavAll(declared, 'x.sav', { encoding: 'CP1251', forceEncoding: true });
		expect(forced.columns[1]).toEqual(['Мос']);
		expect(forced.dictionary.encoding).toBe('windows-1251');
		const silent = buildSav(vars, { data });
		expect((await readSavAll(silent)).dictionary.encoding).toBe('windows-1252');
		expect((await readSavAll(silent, 'x.sav', { encoding: 'windows-1251' })).columns[1]).toEqual(['Мос']);
		const bad = await readSavAll(silent, 'x.sav', { encoding: 'klingon' });
		expect(bad.dictionary.warnings).toContain('unknown encoding "klingon" ignored');
	});

	it('names the guessed encoding when the file has no encoding record, and only then', async () => {
		const data = [...float64Bytes(1), ...textBytes('abc')];
		const guess = 'no encoding record: text read as windows-1252 (a guess)';
		expect((await readSavAll(buildSav(vars, { data }))).dictionary.warnings).toEqual([guess]);
		expect((await readSavAll(buildSav(vars, { data, encoding: 'UTF-8' }))).dictionary.warnings).toEqual([]);
		const chosen = await readSavAll(buildSav(vars, { data }), 'x.sav', { encoding: 'windows-1251' });
		expect(chosen.dictionary.warnings).toEqual([]);
		const forced = await readSavAll(buildSav(vars, { data }), 'x.sav', { encoding: 'windows-1251', forceEncoding: true });
		expect(forced.dictionary.warnings).toEqual([]);
	});

	it('unknown floating-point formats and compression codes are refused', async () => {
		const file = buildSav(vars, { data: [] });
		file[72] = 7;
		await expect(readSavAll(file, 'c.sav')).rejects.toThrow('c.sav: malformed header: unknown compression code 7');
	});
});
