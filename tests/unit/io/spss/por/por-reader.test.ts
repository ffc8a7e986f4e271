import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../../../app/lib/io/byte-source';
import { readSavAll } from '../../../../../app/lib/io/spss/index';
import { openPor } from '../../../../../app/lib/io/spss/por/index';
import { SpssError } from '../../../../../app/lib/io/spss/spss-error';
import { SPSS_EPOCH_OFFSET_SECONDS } from '../../../../../app/lib/io/spss/dates';
import { psppNumber, runPspp } from '../write/pspp-oracle';
import { readVariants } from '../corrupt-variants';
import { readPorAll, trickle } from './read-all';

const root = path.resolve(__dirname, '../../../../..');
const fixture = (p: string) => path.join(root, 'tests/fixtures', p);
const source = (p: string) => bytesSource(readFileSync(fixture(p)), path.basename(p));
const msToSeconds = (ms: number) => ms / 1000 + SPSS_EPOCH_OFFSET_SECONDS;

describe('openPor on pyreadstat_sample.por (written by SPSS 25)', () => {
	it('reads the dictionary, mapping the SPSS date format codes', async () => {
		const { dictionary } = await readPorAll(source('sav/pyreadstat_sample.por'));
		expect(dictionary.variables.map((v) => [v.name, v.type, v.format, v.label])).toEqual([
			['MYCHAR', 'string', 'A1', 'character'],
			['MYNUM', 'numeric', 'F8.2', 'numeric'],
			['MYDATE', 'date', 'EDATE10', 'date'],
			['DTIME', 'datetime', 'DATETIME20', 'datetime'],
			['MYLABL', 'numeric', 'F8.2', 'labeled'],
			['MYORD', 'numeric', 'F8.2', 'ordinal'],
			['MYTIME', 'time', 'TIME8', 'time']
		]);
		expect(dictionary.variables[4].valueLabels).toEqual({ '1': 'Male', '2': 'Female' });
		expect(dictionary.variables[5].valueLabels).toEqual({ '1': 'low', '2': 'medium', '3': 'high' });
		expect(dictionary.documents).toEqual([
			'some test text as notes',
			'   (Entered 15-Aug-2018)',
			'some other comments',
			'   (Entered 15-Aug-2018)'
		]);
		expect(dictionary.warnings).toEqual([
			'MYDATE: format code 120 read as EDATE (SPSS portable-file date code)',
			'DTIME: format code 104 read as DATETIME (SPSS portable-file date code)',
			'MYTIME: format code 103 read as TIME (SPSS portable-file date code)'
		]);
	});

	it('reads the rows stated in the fixture README', async () => {
		const { rows, columns } = await readPorAll(source('sav/pyreadstat_sample.por'));
		expect(rows).toBe(5);
		const row = (r: number) => columns.map((c) => c[r]);
		expect(row(0)).toEqual(['a', 1.1, Date.UTC(2018, 4, 6), Date.UTC(2018, 4, 6, 10, 10, 10), 1, 1, 36610]);
		expect(row(4)).toEqual(['e', 1000.3, NaN, NaN, 1, 1, NaN]);
		expect(msToSeconds(columns[2][0] as number)).toBe(13744944000);
	});

	it('matches the system-file reader on pyreadstat_sample.sav, the same data', async () => {
		const por = await readPorAll(source('sav/pyreadstat_sample.por'));
		const sav = await readSavAll(readFileSync(fixture('sav/pyreadstat_sample.sav')), 'pyreadstat_sample.sav');
		expect(por.rows).toBe(sav.rows);
		por.columns.forEach((c, i) => expect([...c]).toEqual([...sav.columns[i]]));
		expect(por.dictionary.variables.map((v) => v.type)).toEqual(sav.dictionary.variables.map((v) => v.type));
	});
});

describe('openPor on portable files exported by PSPP (tests/fixtures/por-make)', () => {
	const close = (a: number, b: number) => (Number.isNaN(a) ? Number.isNaN(b) : Math.abs(a - b) <= Math.abs(b) * 1e-15);

	it('pspp-mixed.por: dictionary as PSPP reads it', async () => {
		const { dictionary } = await readPorAll(source('por-make/pspp-mixed.por'));
		const pspp = runPspp(fixture('por-make/pspp-mixed.por'), ['DISPLAY DICTIONARY.'], { portable: true });
		const table = pspp.tables.get('Variables')!.slice(1);
		expect(dictionary.variables.map((v) => [v.name, v.format])).toEqual(table.map((r) => [r[0], r[7]]));
		expect(dictionary.variables.map((v) => v.type)).toEqual([
			'numeric',
			'numeric',
			'numeric',
			'string',
			'string',
			'date',
			'datetime',
			'time',
			'numeric',
			'string'
		]);
		// PSPP 1.6.2 exports "90 THRU HI" with HIGHEST in place of 90, and reads that back too.
		expect(table[0][9]).toBe('1.797693134862316e+308 THRU HIGHEST');
		expect(dictionary.variables[0].missing).toEqual({ values: [], range: [Number.MAX_VALUE, null] });
		expect(dictionary.variables[1].missing).toEqual({ values: [-1], range: [null, -5] });
		expect(dictionary.variables[2].missing).toEqual({ values: [7, 8, 9], range: null });
		expect(dictionary.variables[3].missing).toEqual({ values: ['NA'], range: null });
		expect(dictionary.variables[1].valueLabels).toEqual({ '1.25': 'a quarter past one', '-1': 'refused' });
		expect(dictionary.variables[2].valueLabels).toEqual({ '7': 'seven', '9': 'nine' });
		expect(dictionary.variables[3].valueLabels).toEqual({ ab: 'The AB group', NA: 'Not answered' });
		// PSPP's own portable reader stops at the first non-ASCII byte ("Score "); the file holds UTF-8.
		expect(dictionary.variables.map((v) => v.label)).toEqual([
			'Respondent id',
			'Score – ünïcode label',
			null,
			'Short name',
			'City of residence',
			null,
			null,
			null,
			null,
			null
		]);
		// PSPP stamps the export date on the last line, so regenerating the fixture changes it.
		expect(dictionary.documents!.slice(0, 2)).toEqual(['DOCUMENT First document line', '  for the portable test file.']);
		expect(dictionary.documents![2]).toMatch(/^ {3}\(Entered \d+ \w+ \d{4}\)$/);
		expect(dictionary.warnings).toEqual([]);
	});

	it('pspp-mixed.por: values as PSPP reads them (dates in SPSS seconds)', async () => {
		const { rows, columns } = await readPorAll(source('por-make/pspp-mixed.por'));
		expect(rows).toBe(5);
		const numeric = ['ID', 'SCORE', 'Z', 'BORN', 'SEEN', 'DUR', 'BIG'];
		const pspp = runPspp(fixture('por-make/pspp-mixed.por'), [`FORMATS ${numeric.join(' ')} (E40.16).`, `LIST ${numeric.join(' ')}.`], {
			portable: true
		});
		expect(pspp.problems).toEqual([]);
		const list = pspp.tables.get('Data List')!.slice(1);
		[0, 1, 2, 5, 6, 7, 8].forEach((col, k) => {
			const ours = Array.from(columns[col] as Float64Array).map((x) => (col === 5 || col === 6 ? msToSeconds(x) : x));
			list.forEach((r, i) => expect(close(ours[i], psppNumber(r[k])), `${numeric[k]} row ${i + 1}: ${ours[i]} vs ${r[k]}`).toBe(true));
		});
		expect(columns[5][0]).toBe(Date.UTC(2018, 4, 6));
		expect(columns[6][0]).toBe(Date.UTC(2018, 4, 6, 10, 10, 10, 500));
	});

	it('pspp-mixed.por: UTF-8 strings written by PSPP come back whole', async () => {
		const { columns, dictionary } = await readPorAll(source('por-make/pspp-mixed.por'));
		expect(dictionary.encoding).toBe('UTF-8');
		expect(columns[3]).toEqual(['ab', 'NA', 'Größe', '', 'z']);
		expect(columns[4]).toEqual(['Zürich', 'São Paulo', 'x', '', 'long']);
		expect(columns[9]).toEqual(['Zürich: ab', 'São Paulo: NA', 'x: Größe', ': ', 'long: z'].map((s) => `${s} ÄÖÜ äöü ß € 日本`));
	});

	it('pspp-rows.por: 3000 rows read 7 bytes at a time equal PSPP and a plain read', async () => {
		const plain = await readPorAll(source('por-make/pspp-rows.por'));
		const slow = await readPorAll(trickle(source('por-make/pspp-rows.por'), 7), { batchRows: 256 });
		expect(slow.rows).toBe(3000);
		expect(slow.columns).toEqual(plain.columns);
		const pspp = runPspp(fixture('por-make/pspp-rows.por'), ['FORMATS N K (E40.16).', 'LIST.'], { portable: true });
		const list = pspp.tables.get('Data List')!;
		expect(list[0]).toEqual(['S', 'N', 'K']);
		expect(list.length - 1).toBe(3000);
		list.slice(1).forEach((r, i) => {
			expect(slow.columns[0][i]).toBe(r[0]);
			expect(slow.columns[1][i]).toBe(psppNumber(r[1]));
			expect(slow.columns[2][i]).toEqual(psppNumber(r[2]));
		});
		expect(slow.columns[1][2999]).toBe(3000 * 1.5 - 1000);
	});
});

describe('openPor line handling', () => {
	it('reads LF-only files whose lines drop their trailing blanks the same as the original', async () => {
		for (const f of ['sav/pyreadstat_sample.por', 'por-make/pspp-mixed.por']) {
			const original = readFileSync(fixture(f));
			const lines = original.toString('latin1').split('\r\n');
			expect(lines.length).toBeGreaterThan(3);
			const trimmed = Buffer.from(lines.map((l) => l.replace(/ +$/, '')).join('\n'), 'latin1');
			expect(trimmed.length).toBeLessThan(original.length);
			const a = await readPorAll(bytesSource(original, 'a.por'));
			const b = await readPorAll(bytesSource(trimmed, 'b.por'));
			expect(b.dictionary).toEqual(a.dictionary);
			expect(b.columns).toEqual(a.columns);
		}
	});
});

describe('openPor refuses bad input with one line naming the file', () => {
	it('a system file is not a portable file', async () => {
		await expect(openPor(source('sav/pyreadstat_sample.sav'))).rejects.toThrow(
			new SpssError('pyreadstat_sample.sav', 'not an SPSS portable file (no SPSSPORT tag after the character table)')
		);
	});

	it('a file shorter than the header', async () => {
		await expect(openPor(bytesSource(new TextEncoder().encode('hello'), 'tiny.por'))).rejects.toThrow(
			'tiny.por: not an SPSS portable file (5 characters; a portable file starts with a 464-character header)'
		);
	});

	it('a file cut inside the data', async () => {
		const bytes = readFileSync(fixture('sav/pyreadstat_sample.por'));
		const cut = bytes.subarray(0, bytes.indexOf('CQCNM'));
		const reader = await openPor(bytesSource(cut, 'cut.por'));
		const drain = async () => {
			for await (const _ of reader.batches());
		};
		await expect(drain()).rejects.toThrow(/^cut\.por: truncated at byte \d+ \(line \d+, column \d+\)$/);
	});

	it('a file whose data stops between cases without the Z end marker', async () => {
		const bytes = readFileSync(fixture('sav/pyreadstat_sample.por'));
		const reader = await openPor(bytesSource(bytes.subarray(0, bytes.indexOf('ZZZZ')), 'nomark.por'));
		const drain = async () => {
			for await (const _ of reader.batches());
		};
		await expect(drain()).rejects.toThrow(/^nomark\.por: truncated at byte \d+/);
	});

	it('every truncation and many byte flips end in data or an SpssError', async () => {
		const files = ['sav/pyreadstat_sample.por', 'por-make/pspp-mixed.por'];
		let errors = 0;
		let data = 0;
		let seed = 42;
		const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		for (const f of files) {
			const bytes = new Uint8Array(readFileSync(fixture(f)));
			const variants: Uint8Array[] = [];
			for (let n = 0; n < bytes.length; n += 13) variants.push(bytes.slice(0, n));
			for (let k = 0; k < 300; k++) {
				const b = bytes.slice();
				b[Math.floor(rand() * b.length)] = Math.floor(rand() * 256);
				variants.push(b);
			}
			const outcome = await readVariants(variants, 'fuzz.por', (v) => readPorAll(bytesSource(v, 'fuzz.por')));
			errors += outcome.errors;
			data += outcome.data;
		}
		expect(errors).toBeGreaterThan(100);
		expect(data).toBeGreaterThan(100);
	});
});
