import { unzipSync, strFromU8 } from 'fflate';
import { readSheet } from 'read-excel-file/universal';
import { describe, expect, it } from 'vitest';
import type { Dictionary, Variable } from '../../../../app/lib/dataset/dictionary';
import { xlsxBlob } from '../../../../app/lib/io/export/xlsx';
import { xlsxText } from '../../../../app/lib/io/export/xlsx-text';

const CELLS = ['\0=1+1', '\x07bell', 'two\rlines', 'two\r\nlines', 'two\nlines', 'tab\there', 'lit_x0041_eral', 'del\x7f', 'plain'];

const textVariable: Variable = {
	name: 'open',
	label: null,
	type: 'string',
	width: 64,
	format: 'A64',
	measure: 'nominal',
	valueLabels: {},
	missing: { values: [], range: null }
};
const dictionary: Dictionary = { variables: [textVariable], encoding: 'UTF-8', warnings: [] };

async function* onePage() {
	yield { length: CELLS.length, columns: [CELLS] };
}

describe('xlsxText', () => {
	it.each([
		['\0=1', "'_x0000_=1"],
		['a\rb', 'a_x000D_b'],
		['a\r\nb', 'a_x000D_\nb'],
		['a\nb', 'a\nb'],
		['a\tb', 'a\tb'],
		['_x0041_', '_x005F_x0041_'],
		['\x85next line', "'_x0085_next line"],
		['plain', 'plain']
	])('%j → %j', (input, out) => expect(xlsxText(input)).toBe(out));
});

describe('XLSX export of control characters', () => {
	it('keeps every character, neutralises a leading control character and escapes CR as Excel does', async () => {
		const bytes = new Uint8Array(await (await xlsxBlob(dictionary, onePage(), CELLS.length)).arrayBuffer());
		const xml = strFromU8(unzipSync(bytes)['xl/sharedStrings.xml']!);
		for (const raw of ['\0', '\r', '\x07', '\x7f']) expect(xml.includes(raw)).toBe(false);
		expect(xml).toContain('two_x000D_\nlines');
		const sheet = (await readSheet(new Blob([bytes as BlobPart]))) as unknown[][];
		expect(sheet.map((row) => row[0])).toEqual(['open', "'\0=1+1", "'\x07bell", ...CELLS.slice(2)]);
	});
});
