import { describe, expect, it } from 'vitest';
import { readFirstSheet, XlsxError } from '../../../../app/lib/io/xlsx';
import { workbook } from './make-xlsx';

const STYLES = `<?xml version="1.0"?><styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm"/><numFmt numFmtId="165" formatCode="&quot;day&quot;0.00"/></numFmts>
<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>`;
const STRINGS = `<?xml version="1.0"?><sst><si><t>plain</t></si><si><r><t>rich </t></r><r><t xml:space="preserve">text &amp; more</t></r><rPh><t>ふりがな</t></rPh></si></sst>`;

describe('readFirstSheet', () => {
	it('reads shared, inline and formula strings, numbers, booleans, dates by style, gaps and entities', async () => {
		const sheet = `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>a &lt;b&gt; &#233;</t></is></c></row>
<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>1.5</v></c><c r="C2" t="b"><v>1</v></c></row>
<row r="4"><c r="A4" s="1"><v>32980</v></c><c r="B4" s="2"><v>32980.5</v></c><c r="C4" s="3"><v>2</v></c><c r="D4" t="str"><f>A1</f><v>=cmd</v></c></row>`;
		const rows = await readFirstSheet(
			workbook(sheet, [
				{ name: 'xl/styles.xml', data: STYLES },
				{ name: 'xl/sharedStrings.xml', data: STRINGS }
			])
		);
		expect(rows).toEqual([
			['plain', null, 'a <b> é'],
			['rich text & more', 1.5, true],
			[],
			[new Date('1990-04-17T00:00:00Z'), new Date('1990-04-17T12:00:00Z'), 2, '=cmd']
		]);
	});

	it('counts dates from 1904 when the workbook says so', async () => {
		const rows = await readFirstSheet(
			workbook('<row r="1"><c r="A1" s="1"><v>0</v></c></row>', [{ name: 'xl/styles.xml', data: STYLES }], { date1904: true })
		);
		expect(rows).toEqual([[new Date('1904-01-01T00:00:00Z')]]);
	});

	it('refuses a part whose zip header declares 1 GiB, before inflating anything', async () => {
		const started = performance.now();
		const err = await readFirstSheet(workbook('<row r="1"><c r="A1"><v>1</v></c></row>', [], { sheetDeclaredSize: 2 ** 30 })).catch(
			(e) => e
		);
		expect(err).toBeInstanceOf(XlsxError);
		expect(err.message).toBe('xl/worksheets/data.xml is 1024 MB uncompressed; parts over 512 MB are refused — save the sheet as CSV');
		expect(performance.now() - started).toBeGreaterThan(0);
	});

	it('stops inflating a part that holds more than its header says (a lying zip bomb)', async () => {
		const rows = '<row><c><v>1</v></c></row>'.repeat(200_000);
		const err = await readFirstSheet(workbook(rows, [], { sheetDeclaredSize: 100 }), 1024 * 1024).catch((e) => e);
		expect(err).toBeInstanceOf(XlsxError);
		expect(err.message).toBe(
			'xl/worksheets/data.xml is over 1 MB (more than its zip header says) uncompressed; parts over 1 MB are refused — save the sheet as CSV'
		);
	});

	it('refuses cells and dimensions beyond column XFD', async () => {
		await expect(readFirstSheet(workbook('<row r="1"><c r="XFE1"><v>1</v></c></row>'))).rejects.toThrow(
			"cell XFE1 lies beyond Excel's 16384 columns"
		);
		const wide = `<?xml version="1.0"?><worksheet><dimension ref="A1:ZZZZ9"/><sheetData/></worksheet>`;
		await expect(readFirstSheet(workbook(wide))).rejects.toThrow("the sheet spans A1:ZZZZ9, beyond Excel's 16384 columns");
	});

	it('refuses what is not a workbook in one line', async () => {
		await expect(readFirstSheet(new Blob(['just text, no zip']))).rejects.toThrow('not a zip archive (no central directory)');
	});

	it('reads 2,000,000 rows without recursion (no stack overflow)', async () => {
		const rows = await readFirstSheet(workbook('<row><c><v>7</v></c></row>'.repeat(1_999_999) + '<row><c><v>8</v></c></row>'));
		expect(rows.length).toBe(2_000_000);
		expect([rows[0], rows[1_999_999]]).toEqual([[7], [8]]);
	});
});
