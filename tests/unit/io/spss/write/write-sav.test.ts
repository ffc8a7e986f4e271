import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSink, nodeDeflate, writeSavFile } from '../../../../../app/lib/io/spss/write/node-sink';
import { savChunks, writeSav, SavWriteError } from '../../../../../app/lib/io/spss/write/index';
import type { ColumnBatch } from '../../../../../app/lib/io/batch';
import { SPSS_EPOCH_OFFSET_SECONDS } from '../../../../../app/lib/io/spss/dates';
import { psppNumber, runPspp, sixteenDigits } from './pspp-oracle';
import { DATETIME_MS, DAY_MS, S300, S40K_STORED, sampleBatch, sampleDictionary, variable } from './sample-dictionary';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';

const dir = mkdtempSync(path.join(tmpdir(), 'sieve-sav-write-'));
const seconds = (ms: number) => ms / 1000 + SPSS_EPOCH_OFFSET_SECONDS;

async function writeTo(
	file: string,
	...args: Parameters<typeof writeSav> extends [infer D, infer B, infer O, unknown] ? [D, B, O] : never
) {
	const sink = await fileSink(file);
	try {
		return await writeSav(args[0], args[1], args[2], sink);
	} finally {
		await sink.close();
	}
}

const LIST = [
	'DISPLAY DICTIONARY.',
	'DISPLAY DOCUMENTS.',
	'DISPLAY ATTRIBUTES.',
	'MRSETS /DISPLAY NAME=ALL.',
	'FORMATS x y z d dt t (E40.16).',
	'LIST.'
];

describe.each(['none', 'bytecode', 'zlib'] as const)('writeSav compression=%s, read back by PSPP', (compression) => {
	const file = path.join(dir, `sample-${compression}.sav`);
	let report: Awaited<ReturnType<typeof writeSav>>;
	let pspp: ReturnType<typeof runPspp>;

	it('writes a file PSPP reads without warnings', async () => {
		report = await writeTo(file, sampleDictionary, [sampleBatch()], { compression });
		expect(report.rows).toBe(4);
		expect(report.renamed).toEqual([]);
		expect(report.warnings).toEqual(["1 string values were longer than their variable's width and were cut"]);
		pspp = runPspp(file, LIST);
		expect(pspp.problems).toEqual([]);
	});

	it('keeps names, labels, measures, widths, alignment, formats and missing values', () => {
		expect(pspp.tables.get('Variables')).toEqual([
			['Name', 'Position', 'Label', 'Measurement Level', 'Role', 'Width', 'Alignment', 'Print Format', 'Write Format', 'Missing Values'],
			['x', '1', 'Score', 'Ordinal', 'Input', '8', 'Right', 'F8.2', 'F8.2', 'LOWEST THRU -10; -1'],
			['y', '2', '', 'Scale', 'Input', '10', 'Right', 'F10.3', 'F12.4', '90 THRU HIGHEST'],
			['z', '3', '', 'Nominal', 'Input', '8', 'Right', 'F4.0', 'F4.0', '7; 8; 9'],
			['s', '4', 'Short string', 'Nominal', 'Input', '3', 'Left', 'A3', 'A3', '"NA "'],
			['s300', '5', '', 'Nominal', 'Input', '40', 'Center', 'A300', 'A300', ''],
			['s40k', '6', 'Très long', 'Nominal', 'Input', '32', 'Left', 'A32767', 'A32767', '"none    "'],
			// Missing values of dates are stored as SPSS seconds: 1900-01-01 is 10010390400.
			['d', '7', '', 'Scale', 'Input', '11', 'Right', 'DATE11', 'DATE11', '10010390400'],
			['dt', '8', '', 'Scale', 'Input', '20', 'Right', 'DATETIME20.0', 'DATETIME20.0', ''],
			['t', '9', '', 'Scale', 'Input', '8', 'Right', 'TIME8.0', 'TIME8.0', '']
		]);
	});

	it('keeps numeric, short-string and long-string value labels, and documents', () => {
		expect(pspp.tables.get('Value Labels')).toEqual([
			['Variable Value', '', 'Label'],
			['x', '-1.00[a]', 'refused'],
			['', '1.00', 'low'],
			['', '2.00', 'high'],
			['s', 'NA[a]', 'Not answered'],
			['', 'a', 'Apple'],
			['s300', S300, 'the long one'],
			['s40k', 'abc', 'ABC'],
			['d', '31-DEC-1999', 'millennium eve'],
			['Footnote: a. User-missing value']
		]);
		expect(pspp.tables.get('Documents')).toEqual([[`First document line\nSecond: ünïcödé\n${'ü'.repeat(40)}\nü`]]);
	});

	it('keeps variable attributes and multiple response sets', () => {
		expect(pspp.tables.get('Variable and Dataset Attributes')).toEqual([
			['Variable and Name', '', 'Value'],
			['x', 'Notes[1]', 'first'],
			['', 'Notes[2]', "it's second"],
			['', 'Source', 'wave 1']
		]);
		expect(pspp.tables.get('Multiple Response Sets')).toEqual([
			['Name', 'Label', 'Encoding', 'Counted Value', 'Member Variables'],
			['$codes', 'Codes chosen', 'Dichotomies', '7', 'x\nz'],
			['$texts', 'Text answers', 'Categories', '', 's\ns300']
		]);
	});

	it('keeps every value: sysmis, dates as SPSS seconds, strings across segment boundaries', () => {
		const rows = pspp.tables.get('Data List')!;
		expect(rows[0]).toEqual(['x', 'y', 'z', 's', 's300', 's40k', 'd', 'dt', 't']);
		const num = (r: number, c: number) => psppNumber(rows[r + 1][c]);
		const batch = sampleBatch();
		for (const c of [0, 1, 2, 8]) {
			const col = batch.columns[c] as Float64Array;
			for (let r = 0; r < 4; r++) expect(num(r, c)).toEqual(sixteenDigits(col[r]));
		}
		for (const c of [6, 7]) {
			const col = batch.columns[c] as Float64Array;
			for (let r = 0; r < 4; r++) expect(num(r, c)).toEqual(sixteenDigits(seconds(col[r])));
		}
		expect(num(0, 6)).toBe(13744944000);
		expect(num(0, 7)).toBe(seconds(DATETIME_MS));
		expect(seconds(DAY_MS)).toBe(13744944000);
		expect(rows.slice(1).map((r) => r[3])).toEqual(['a', 'NA', '', 'xyz']);
		expect(rows.slice(1).map((r) => r[4])).toEqual([S300, 'short', '', 'é']);
		expect(rows.slice(1).map((r) => r[5])).toEqual([S40K_STORED, 'abc', 'none', '']);
	});
});

describe('writeSav names', () => {
	it('renames invalid names to valid ones, keeps legal long names, and reports the mapping', async () => {
		const long = 'a_really_long_variable_name_that_is_still_legal_in_spss_v13';
		const dict = {
			encoding: 'UTF-8',
			warnings: [],
			variables: [
				variable({ name: 'q 1', type: 'numeric' }),
				variable({ name: '1st', type: 'numeric' }),
				variable({ name: long, type: 'numeric' }),
				variable({ name: 'Age', type: 'numeric' }),
				variable({ name: 'AGE', type: 'numeric' }),
				variable({ name: 'x'.repeat(70), type: 'numeric' }),
				variable({ name: 'Größe', type: 'numeric' }),
				variable({ name: 'with', type: 'numeric' })
			]
		};
		const batch: ColumnBatch = { length: 1, columns: dict.variables.map((_, i) => new Float64Array([i])) };
		const file = path.join(dir, 'names.sav');
		const report = await writeTo(file, dict, [batch], { compression: 'bytecode' });
		expect(report.renamed).toEqual([
			{ index: 0, from: 'q 1', to: 'q_1' },
			{ index: 1, from: '1st', to: 'v1st' },
			{ index: 4, from: 'AGE', to: 'AGE_2' },
			{ index: 5, from: 'x'.repeat(70), to: 'x'.repeat(64) },
			{ index: 7, from: 'with', to: 'with_' }
		]);
		const pspp = runPspp(file, ['DISPLAY DICTIONARY.']);
		expect(pspp.problems).toEqual([]);
		expect(
			pspp.tables
				.get('Variables')!
				.slice(1)
				.map((r) => r[0])
		).toEqual(['q_1', 'v1st', long, 'Age', 'AGE_2', 'x'.repeat(64), 'Größe', 'with_']);
	});
});

describe('writeSav streaming', () => {
	async function* batches(n: number, size: number): AsyncGenerator<ColumnBatch> {
		for (let b = 0; b < n; b++) {
			const num = new Float64Array(size);
			const str: (string | null)[] = [];
			for (let i = 0; i < size; i++) {
				const row = b * size + i;
				num[i] = row % 7 === 0 ? NaN : row * 1.5;
				str.push(row % 5 === 0 ? null : `r${row}`);
			}
			yield { length: size, columns: [num, str] };
		}
	}
	const dict = {
		encoding: 'UTF-8',
		warnings: [],
		variables: [variable({ name: 'n', type: 'numeric', format: 'F12.1' }), variable({ name: 'label', type: 'string', width: 12 })]
	};

	it.each(['none', 'bytecode', 'zlib'] as const)('%s: async batches of unknown count, as chunks without seeking', async (compression) => {
		const parts: Uint8Array[] = [];
		for await (const chunk of savChunks(dict, batches(30, 10_000), { compression })) parts.push(chunk);
		const file = path.join(dir, `stream-${compression}.sav`);
		writeFileSync(file, Buffer.concat(parts));
		const pspp = runPspp(file, ['FORMATS n (E40.16).', 'DESCRIPTIVES n.', 'LIST /CASES=FROM 299991 TO 300000.']);
		expect(pspp.problems).toEqual([]);
		const list = pspp.tables.get('Data List')!;
		expect(list.slice(1).map((r) => [psppNumber(r[0]), r[1]])).toEqual(
			Array.from({ length: 10 }, (_, i) => {
				const row = 299_990 + i;
				return [row % 7 === 0 ? NaN : row * 1.5, row % 5 === 0 ? '' : `r${row}`];
			})
		);
		const valid = pspp.tables.get('Descriptive Statistics')!.find((r) => r[0] === 'n')!;
		expect(Number(valid[1])).toBe(300_000 - Math.ceil(300_000 / 7));
	});

	it('patches the case count into the header through a seekable sink', async () => {
		const file = path.join(dir, 'seek.zsav');
		const report = await writeTo(file, dict, batches(3, 1000), { compression: 'zlib' });
		expect(report.rows).toBe(3000);
		const pspp = runPspp(file, ['SYSFILE INFO FILE=' + `'${file}'.`]);
		expect(pspp.problems).toEqual([]);
		const info = pspp.tables.get('File Information')!;
		expect(info.find((r) => r[0] === 'Cases')?.[1]).toBe('3000');
		expect(info.find((r) => r[0] === 'Compression')?.[1]).toBe('ZSAV');
	});

	it('writes ZLIB blocks with an injected compressor (Node zlib), several blocks long', async () => {
		const file = path.join(dir, 'node-deflate.zsav');
		const report = await writeTo(file, dict, batches(40, 10_000), { compression: 'zlib', deflate: nodeDeflate });
		expect(report.rows).toBe(400_000);
		expect(report.bytes).toBeGreaterThan(0);
		const pspp = runPspp(file, ['FORMATS n (E40.16).', 'LIST /CASES=FROM 399999 TO 400000.']);
		expect(pspp.problems).toEqual([]);
		expect(pspp.tables.get('Data List')!.slice(1)).toEqual([
			['5.999970000000000E+005', 'r399998'],
			['5.999985000000000E+005', 'r399999']
		]);
	});
});

describe('writeSav refuses what a system file cannot hold', () => {
	it('names the variable whose string width is over 32,767 bytes', async () => {
		const dict = { encoding: 'UTF-8', warnings: [], variables: [variable({ name: 'huge', type: 'string', width: 40000 })] };
		await expect(writeTo(path.join(dir, 'huge.sav'), dict, [], { compression: 'none' })).rejects.toThrow(
			new SavWriteError('huge: string width 40000 is outside 1..32767')
		);
	});

	it('leaves no file behind when a later batch is bad, and reports progress until then', async () => {
		const dict = { encoding: 'UTF-8', warnings: [], variables: [variable({ name: 'n', type: 'numeric' })] };
		const file = path.join(dir, 'half.sav');
		const seen: number[] = [];
		async function* bad() {
			yield { length: 2, columns: [new Float64Array([1, 2])] };
			yield { length: 1, columns: [['oops']] };
		}
		await expect(writeSavFile(file, dict, bad(), { compression: 'bytecode', onProgress: (p) => seen.push(p.rows) })).rejects.toThrow(
			'n: column is not a Float64Array'
		);
		expect(seen).toEqual([2]);
		expect(existsSync(file)).toBe(false);
		expect(readdirSync(dir).filter((f) => f.startsWith('half.sav'))).toEqual([]);
	});

	it('names the variable whose column has the wrong type', async () => {
		const dict = { encoding: 'UTF-8', warnings: [], variables: [variable({ name: 'n', type: 'numeric' })] };
		await expect(writeTo(path.join(dir, 'bad.sav'), dict, [{ length: 1, columns: [['1']] }], { compression: 'none' })).rejects.toThrow(
			'n: column is not a Float64Array'
		);
	});
});

describe('writeSav edge cases PSPP accepts', () => {
	const dict = {
		encoding: 'UTF-8',
		warnings: [],
		variables: [
			variable({ name: 'mt', type: 'time', format: 'MTIME8' }),
			variable({ name: 'ymd', type: 'datetime', format: 'YMDHMS19' }),
			variable({ name: 's', type: 'string', width: 9, valueLabels: { abcdefghi: 'x'.repeat(200) } })
		]
	};

	it.each(['none', 'bytecode', 'zlib'] as const)('%s: zero rows', async (compression) => {
		const file = path.join(dir, `empty-${compression}.sav`);
		const report = await writeTo(file, dict, [], { compression });
		expect(report.rows).toBe(0);
		const pspp = runPspp(file, ['DISPLAY DICTIONARY.', 'LIST.']);
		expect(pspp.problems).toEqual([]);
		expect(
			pspp.tables
				.get('Variables')!
				.slice(1)
				.map((r) => r[6])
		).toEqual(['MTIME8.0', 'YMDHMS19.0', 'A9']);
		expect(pspp.tables.has('Data List')).toBe(false);
	});

	it('MTIME and YMDHMS values, and value labels cut to 120 bytes with a warning', async () => {
		const file = path.join(dir, 'mtime.sav');
		const report = await writeTo(
			file,
			dict,
			[{ length: 1, columns: [new Float64Array([125.5]), new Float64Array([Date.UTC(2020, 0, 2, 3, 4, 5)]), ['abcdefghi']] }],
			{
				compression: 'bytecode'
			}
		);
		expect(report.warnings).toEqual(['s: value label for "abcdefghi" cut to 120 bytes']);
		const pspp = runPspp(file, ['DISPLAY DICTIONARY.', 'LIST.']);
		expect(pspp.problems).toEqual([]);
		expect(pspp.tables.get('Data List')).toEqual([
			['mt', 'ymd', 's'],
			['02:05', '2020-01-02 03:04:05', 'abcdefghi']
		]);
		expect(pspp.tables.get('Value Labels')![1]).toEqual(['s', 'abcdefghi', 'x'.repeat(120)]);
	});
});
