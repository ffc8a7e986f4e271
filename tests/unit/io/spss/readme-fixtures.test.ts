/** The expectations stated in tests/fixtures/sav/README.md, fixture by fixture. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSavAll, SpssError, type SavData } from '../../../../app/lib/io/spss';
import { spssSecondsToEpochMs } from '../../../../app/lib/io/spss/dates';
import { FIXTURES, OWN_FIXTURES } from './pspp-expected';

const read = (file: string, dir = FIXTURES) => readSavAll(new Uint8Array(readFileSync(path.join(dir, file))), file);
const col = (d: SavData, name: string) => {
	const i = d.dictionary.variables.findIndex((v) => v.name === name);
	if (i < 0) throw new Error(`no variable ${name}`);
	return d.columns[i];
};
const variable = (d: SavData, name: string) => d.dictionary.variables.find((v) => v.name === name)!;
const row = (d: SavData, r: number) => d.columns.map((c) => c[r]);
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe('README fixtures', () => {
	it('pyreadstat_sample.sav and .zsav: 5×7, dates, labels, ordinal, documents', async () => {
		for (const file of ['pyreadstat_sample.sav', 'pyreadstat_sample.zsav']) {
			const d = await read(file);
			expect(d.rows).toBe(5);
			expect(d.dictionary.variables.map((v) => `${v.name}:${v.type}:${v.format}`)).toEqual([
				'mychar:string:A1',
				'mynum:numeric:F8.2',
				'mydate:date:EDATE10',
				'dtime:datetime:DATETIME20',
				'mylabl:numeric:F8.2',
				'myord:numeric:F8.2',
				'mytime:time:TIME8'
			]);
			expect(row(d, 0)).toEqual(['a', 1.1, day('2018-05-06'), Date.parse('2018-05-06T10:10:10Z'), 1, 1, 36610]);
			expect(col(d, 'mydate')[0]).toBe(spssSecondsToEpochMs(13744944000));
			const last = row(d, 4);
			expect(last.slice(0, 2)).toEqual(['e', 1000.3]);
			expect(Number.isNaN(last[2])).toBe(true);
			expect(Number.isNaN(last[3])).toBe(true);
			expect(Number.isNaN(last[6])).toBe(true);
			expect(variable(d, 'myord').measure).toBe('ordinal');
			expect(variable(d, 'mylabl').valueLabels).toEqual({ '1': 'Male', '2': 'Female' });
			expect(d.dictionary.documents).toEqual([
				'some test text as notes',
				'   (Entered 15-Aug-2018)',
				'some other comments',
				'   (Entered 15-Aug-2018)'
			]);
			expect(d.dictionary.encoding).toBe('windows-1252');
		}
	});

	it('pyreadstat_sample_missing.sav: range + discrete and discrete-list missing values', async () => {
		const d = await read('pyreadstat_sample_missing.sav');
		expect(d.rows).toBe(7);
		expect(variable(d, 'mynum').missing).toEqual({ values: [-1], range: [2000, 3000] });
		expect(variable(d, 'myord').missing).toEqual({ values: [-1, -2, -3], range: null });
		expect(col(d, 'mynum')[5]).toBe(-1);
		expect(col(d, 'mychar')[5]).toBe('Z');
		expect(col(d, 'mynum')[6]).toBe(2500);
		expect(col(d, 'myord')[6]).toBe(-3);
	});

	it('pyreadstat_sample_large.sav: uncompressed, -DBL_MAX sysmis, code page 65001', async () => {
		const d = await read('pyreadstat_sample_large.sav');
		expect([d.rows, d.dictionary.variables.length]).toEqual([485, 7]);
		expect(d.dictionary.encoding).toBe('utf-8');
		expect(Number.isNaN(col(d, 'mydate')[4])).toBe(true);
		expect(row(d, 0).slice(0, 2)).toEqual(['a', 1.1]);
	});

	it('pyreadstat_simple_alltypes.sav: MR sets, missing, string labels, date formats', async () => {
		const d = await read('pyreadstat_simple_alltypes.sav');
		expect([d.rows, d.dictionary.variables.length]).toEqual([6, 12]);
		expect(d.dictionary.mrSets).toEqual([
			{ name: '$categorical_array', label: '', kind: 'category', variables: ['ca_subvar_1', 'ca_subvar_2', 'ca_subvar_3'] },
			{ name: '$mymrset', label: 'My multiple response set', kind: 'dichotomy', countedValue: '1', variables: ['bool1', 'bool2', 'bool3'] }
		]);
		expect(variable(d, 'x').missing).toEqual({ values: [7, 8, 99], range: null });
		expect(variable(d, 'z').missing).toEqual({ values: [999], range: [-999, 0] });
		expect(variable(d, 'ca_subvar_1').valueLabels).toEqual({ a: 'a', b: 'b', c: 'c', d: 'd' });
		expect(['y', 'date', 'quarter'].map((n) => variable(d, n).format)).toEqual(['ADATE10', 'SDATE10', 'QYR8']);
		expect(col(d, 'x')[0]).toBe(1);
		expect(col(d, 'str')[0]).toBe('red');
	});

	it('pyreadstat_missing_char.sav: string user-missing "Z"', async () => {
		const d = await read('pyreadstat_missing_char.sav');
		expect(d.columns[0]).toEqual(['Z', 'a']);
		expect(d.dictionary.variables[0].missing).toEqual({ values: ['Z'], range: null });
	});

	it('pyreadstat_test_width.sav: A1024 and F40.2 in UTF-8', async () => {
		const d = await read('pyreadstat_test_width.sav');
		expect(d.dictionary.variables.map((v) => v.format)).toEqual(['A18', 'A1024', 'F40.2', 'F1.0']);
		expect(row(d, 0)).toEqual(['R_0001xAxQxIo2PVH', '2020-07-13 23:19:55', 944, 2]);
		expect(d.rows).toBe(5);
	});

	it('pyreadstat_tegulu.sav: Telugu cut at a segment edge and at the end', async () => {
		const d = await read('pyreadstat_tegulu.sav');
		expect(row(d, 0)).toEqual([210, 'నేను గతంలో వాడిన బ']);
	});

	it('pyreadstat_hebrews.sav: Hebrew variable name without an encoding record', async () => {
		const d = await read('pyreadstat_hebrews.sav');
		expect(d.dictionary.variables.map((v) => v.name)).toEqual(['ותק_ב']);
		expect(d.rows).toBe(99);
	});

	it('haven files: dates, labelled missing, string labels, umlauts, iris', async () => {
		const dt = await read('haven_datetime.sav');
		expect(col(dt, 'date')[0]).toBe(day('2014-09-22'));
		expect(col(dt, 'date.posix')[1]).toBe(Date.parse('2014-09-23T15:59:20Z'));
		expect(col(dt, 'time')[0]).toBeCloseTo(43870, 0);
		expect(variable(dt, 'time').type).toBe('time');

		const na = await read('haven_labelled-num-na.sav');
		expect(na.columns[0][1]).toBe(9);
		expect(na.dictionary.variables[0].missing).toEqual({ values: [9], range: null });

		const str = await read('haven_labelled-str.sav');
		expect(str.columns[0]).toEqual(['M', 'F']);
		expect(str.dictionary.variables[0].valueLabels).toEqual({ F: 'Female', M: 'Male' });

		const um = await read('haven_umlauts.sav');
		expect(um.rows).toBe(4);
		expect(um.dictionary.variables[0].label).toBe('This is an ä-umlaut');
		expect(Object.values(um.dictionary.variables[0].valueLabels)[0]).toBe('the ä umlaut');

		const iris = await read('haven_iris.sav');
		expect([iris.rows, iris.dictionary.variables.length]).toEqual([150, 5]);
		expect(row(iris, 0)).toEqual([5.1, 3.5, 1.4, 0.2, 1]);
		expect(Object.keys(variable(iris, 'Species').valueLabels).length).toBeGreaterThan(0);
	});

	it('srw_spssio_test.sav: ranges with LOWEST, string missing, N format, MR sets, roles', async () => {
		const d = await read('srw_spssio_test.sav');
		expect([d.rows, d.dictionary.variables.length]).toEqual([9, 22]);
		expect(variable(d, 'Age').missing).toEqual({ values: [], range: [0, 18] });
		expect(variable(d, 'Income1').missing).toEqual({ values: [], range: [null, -1] });
		expect(variable(d, 'Income2').missing).toEqual({ values: [999], range: [null, -1] });
		expect(variable(d, 'Income3').missing).toEqual({ values: [999, 888, 777], range: null });
		expect(variable(d, 'aShortStringVar').missing).toEqual({ values: ['x', 'y'], range: null });
		expect(variable(d, 'ID').format).toBe('N6.0');
		expect(variable(d, 'someDate').format).toBe('ADATE40');
		expect(variable(d, 'aLongStringVar').format).toBe('A100');
		expect(d.dictionary.weight).toBe('weightVar');
		expect(variable(d, 'Region').spssRole).toBe('partition');
		expect(variable(d, 'Income1').spssRole).toBe('target');
		// The file also holds a dichotomy set "$V=D1 1 0  v1 v2 v3" that the README does not mention.
		expect(d.dictionary.mrSets).toEqual([
			{ name: '$ages', label: 'the ages', kind: 'category', variables: ['Age', 'AGE2', 'AGE3'] },
			{
				name: '$incomes',
				label: 'three kinds of income',
				kind: 'category',
				variables: ['Income1', 'Income2', 'Income3', 'Age', 'AGE2', 'AGE3']
			},
			{ name: '$V', label: '', kind: 'dichotomy', countedValue: '1', variables: ['V1', 'V2', 'V3'] }
		]);
		expect(row(d, 0).slice(0, 4)).toEqual([1, 27, 1, 35500]);
		expect(col(d, 'someDate')[0]).toBe(spssSecondsToEpochMs(13575427200));
		expect(col(d, 'aLongStringVar')[0]).toBe('qwertyuiopasdfghjklzxcvbnm,./');
	});

	it('srw_greetings.sav: twelve scripts in UTF-8, string missing "¡Hola!"', async () => {
		const d = await read('srw_greetings.sav');
		expect([d.rows, d.dictionary.variables.length]).toEqual([12, 3]);
		const line = col(d, 'line') as Float64Array;
		expect(row(d, line.indexOf(6)).slice(1)).toEqual(['Russian', 'Здравствуйте']);
		expect(row(d, line.indexOf(10)).slice(1)).toEqual(['Walloon', 'Bondjoû']);
		expect(variable(d, 'Bondjoû').missing).toEqual({ values: ['¡Hola!'], range: null });
		expect(variable(d, 'line').missing).toEqual({ values: [], range: [0, 9] });
		expect(variable(d, 'greeting').label).toBe('السلام عليكم');
	});

	it('srw_german.sav: windows-1252 non-ASCII long names', async () => {
		const d = await read('srw_german.sav');
		expect(d.dictionary.variables.map((v) => v.name)).toEqual(['python', 'programmieren', 'macht', 'überhaupt', 'völlig', 'spaß']);
		expect(row(d, 0)).toEqual([1, 2, 3, 4, 5, 6]);
	});

	it('srw_test_dates.sav: thirteen date and time formats', async () => {
		const d = await read('srw_test_dates.sav');
		expect([d.rows, d.dictionary.variables.length]).toEqual([4, 13]);
		const types = Object.fromEntries(d.dictionary.variables.map((v) => [v.name, v.type]));
		expect(types).toEqual({
			var_datetime: 'datetime',
			var_wkyr: 'date',
			var_date: 'date',
			var_qyr: 'date',
			var_edate: 'date',
			var_sdate: 'date',
			var_dtime: 'time',
			var_jdate: 'date',
			var_month: 'numeric',
			var_moyr: 'date',
			var_time: 'time',
			var_adate: 'date',
			var_wkday: 'numeric'
		});
		d.dictionary.variables.forEach((v, i) => {
			const want = (raw: number) => (v.type === 'date' || v.type === 'datetime' ? spssSecondsToEpochMs(raw) : raw);
			expect(d.columns[i][0]).toBe(want(13500864000));
			expect(d.columns[i][1]).toBe(want(10326873600));
		});
	});

	it('srw_zlib_compressed_misnamed.zsav: bytecode inside a .zsav name', async () => {
		const d = await read('srw_zlib_compressed_misnamed.zsav');
		expect([d.rows, d.dictionary.variables.length]).toEqual([2, 4]);
	});

	it('srw_employee_data.sav: SPSS 11, no encoding record', async () => {
		const d = await read('srw_employee_data.sav');
		expect([d.rows, d.dictionary.variables.length]).toEqual([474, 10]);
		expect(row(d, 0)).toEqual([1, 'm', spssSecondsToEpochMs(11654150400), 15, 3, 57000, 27000, 98, 144, 0]);
		expect(d.dictionary.variables[0].name).toBe('id');
		expect(d.dictionary.weight).toBeNull();
	});

	it('medella files: big-endian, A32767, zero rows', async () => {
		const be = await read('medella_BigEndian.sav');
		expect([be.rows, be.dictionary.variables.length]).toEqual([50, 6]);
		expect(row(be, 0)).toEqual([1, 1, 0, 16, 36.37699261646427, 53.321541454892696]);

		const max = await read('medella_MaxString.sav');
		expect(max.rows).toBe(2);
		expect(max.dictionary.variables[0].width).toBe(32767);
		const s = max.columns[0][0] as string;
		expect(s.startsWith('0123456789ABCDEF0123456789ABCDEF')).toBe(true);
		expect(s.length).toBe(32767);

		const zero = await read('medella_Longstring_0rows.sav');
		expect([zero.rows, zero.dictionary.variables.length]).toEqual([0, 1]);
		expect(zero.dictionary.variables[0].name).toBe('a🤓🤓');
	});

	it('PSPP very long strings (v13 uncompressed, v14 bytecode)', async () => {
		const v13 = await read('pspp_v13_verylong.sav');
		expect(v13.dictionary.variables.map((v) => v.width)).toEqual([8, 255, 258, 2000]);
		expect(v13.rows).toBe(2);
		const v14 = await read('pspp_v14_verylong.sav');
		expect(v14.dictionary.variables.map((v) => v.width)).toEqual([255, 256, 1335, 2000]);
		expect(row(v14, 0)).toEqual([255, 256, 1335, 2000].map((n) => 'M'.repeat(n)));
	});

	it('pspp_llz.zsav: ZLIB from PSPP on mips64el, 4670×18', async () => {
		const d = await read('pspp_llz.zsav');
		expect([d.rows, d.dictionary.variables.length]).toEqual([4670, 18]);
		expect(row(d, 0)).toEqual([2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0]);
	});

	it('malformed CVE files are read as PSPP recovers them, with a warning', async () => {
		const a = await read('pspp_CVE-2017-10791_malformed.sav');
		expect([a.rows, a.dictionary.variables.length]).toEqual([10, 4]);
		expect(a.dictionary.warnings.join('\n')).toMatch(/record 7\.21 at byte 456 ends unexpectedly/);
		const b = await read('pspp_CVE-2017-10792_malformed.sav');
		expect([b.rows, b.dictionary.variables.length]).toEqual([10, 4]);
		expect(b.dictionary.warnings.join('\n')).toMatch(/record 7\.18 at byte 440: .*size 4/);
	});

	it('pspp_hotel-encrypted.sav is refused with one clear line', async () => {
		const err = await read('pspp_hotel-encrypted.sav').catch((e) => e);
		expect(err).toBeInstanceOf(SpssError);
		expect(err.message).toBe('pspp_hotel-encrypted.sav: encrypted SPSS file: decrypt it in SPSS first');
	});

	it('gen_cp1251.sav: windows-1251 labels and data', async () => {
		const d = await read('gen_cp1251.sav');
		expect(d.dictionary.encoding).toBe('windows-1251');
		expect(d.columns[1]).toEqual(['Москва', 'Санкт-Петербург', 'Київ']);
		expect(variable(d, 'id').label).toBe('Номер респондента');
		expect(variable(d, 'city').valueLabels['Москва']).toBe('столица');
	});

	it('own_features: segments, long-string labels and missing, roles, attributes, MR sets', async () => {
		for (const file of ['own_features.sav', 'own_features_plain.sav', 'own_features.zsav']) {
			const d = await read(file, OWN_FIXTURES);
			expect(col(d, 'long300')).toEqual([
				'x'.repeat(254) + 'é' + 'ü'.repeat(10),
				'y'.repeat(253) + '€€end',
				'z'.repeat(252) + '😀tail',
				''
			]);
			expect(col(d, 'größe_über_acht')[1]).toBe('x'.repeat(250) + 'ĳ'.repeat(100));
			const g = variable(d, 'größe_über_acht');
			expect(g.missing).toEqual({ values: ['missing', 'none'], range: null });
			expect(g.valueLabels).toEqual({ 'missing me': 'a long-string label', 'Grüße aus Köln': 'greeting' });
			expect(variable(d, 'lo_hi').missing).toEqual({ values: [99], range: [null, 0] });
			expect(variable(d, 'mo').missing).toEqual({ values: [], range: [1, null] });
			expect(variable(d, 'num').valueLabels).toEqual({ '1.5': 'one and a half', '-7': 'minus seven', '99': 'Weiß nicht' });
			expect(variable(d, 'id')).toMatchObject({
				label: 'Ідентифікатор',
				alignment: 'center',
				displayWidth: 5,
				measure: 'nominal',
				attributes: { Question: ['How are you?'], Note: ['first', 'second'] }
			});
			expect(['num', 'short', 'lo_hi', 'wk', 'mo', 'id'].map((n) => variable(d, n).spssRole)).toEqual([
				'target',
				'both',
				'partition',
				'split',
				'none',
				'input'
			]);
			expect(d.dictionary.attributes).toEqual({ Origin: ['Sieve tests'] });
			expect(d.dictionary.fileLabel).toBe('Our own feature fixture');
			expect(d.dictionary.documents!.join('\n')).toContain('Made by tests/fixtures/sav-make/make-fixtures.py');
			expect(d.dictionary.mrSets).toEqual([
				{ name: '$dich', label: 'Dichotomy set', kind: 'dichotomy', countedValue: '2', variables: ['wk', 'mo'] },
				{ name: '$cat', label: 'Category set', kind: 'category', variables: ['id', 'num'] }
			]);
			expect(col(d, 'd_date')[0]).toBe(day('2024-02-29'));
			expect(col(d, 'd_dt')[3]).toBe(Date.parse('1969-12-31T23:59:59Z'));
			expect(col(d, 'd_tm')[1]).toBe(360000);
			expect(['wk', 'mo'].map((n) => variable(d, n).type)).toEqual(['numeric', 'numeric']);
		}
	});
});
