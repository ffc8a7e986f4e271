/**
 * Reads the first worksheet of an .xlsx as rows of cells, streaming: the zip directory is read
 * first (sizes checked before inflating), then each part is inflated and scanned as it arrives.
 */
import { dateStyles, firstSheet, MAX_PART_BYTES, scanPart, sharedStrings, type Workbook } from './workbook-parts';
import { attribute, attributes, unescapeXml } from './xml-scan';
import { readZipDirectory } from './zip';
import { XlsxError } from './xlsx-error';

export type XlsxCell = string | number | boolean | Date | null;

/** Excel's own limit (column XFD); a cell beyond it is a damaged or hostile file. */
export const MAX_COLUMNS = 16_384;

const MS_PER_DAY = 86_400_000;
const EPOCH_1900 = 25_569;
const EPOCH_1904 = 24_107;

export async function readFirstSheet(file: Blob, maxPartBytes = MAX_PART_BYTES): Promise<XlsxCell[][]> {
	const book: Workbook = { file, entries: await readZipDirectory(file), maxPartBytes };
	if (!book.entries.has('xl/workbook.xml')) throw new XlsxError('not an Excel workbook (no xl/workbook.xml)');
	const { path, date1904 } = await firstSheet(book);
	const [dates, strings] = [await dateStyles(book), await sharedStrings(book)];
	const epoch = date1904 ? EPOCH_1904 : EPOCH_1900;
	const rows: XlsxCell[][] = [];
	let row: XlsxCell[] = [];
	let cell: { col: number; type: string; style: number } | null = null;
	let value: string[] = [];
	let capture = false;
	let nextCol = 0;

	const finishCell = () => {
		const raw = value.join('');
		const { col, type, style } = cell!;
		cell = null;
		if (raw === '' && type !== 'inlineStr' && type !== 'str') return;
		let v: XlsxCell;
		if (type === 's') v = strings[Number(raw)] ?? null;
		else if (type === 'str' || type === 'inlineStr' || type === 'e') v = raw;
		else if (type === 'b') v = raw === '1' || raw === 'true';
		else if (type === 'd') v = new Date(raw);
		else {
			const n = Number(raw);
			v = dates[style] && Number.isFinite(n) ? new Date(Math.round((n - epoch) * MS_PER_DAY)) : n;
		}
		while (row.length < col) row.push(null);
		row[col] = v;
	};

	await scanPart(book, path, {
		open(name, attrs) {
			if (name === 'dimension') {
				const last = /:([A-Z]+)\d+$/.exec(attribute(attrs, 'ref') ?? '');
				if (last && columnIndex(last[1]) >= MAX_COLUMNS)
					throw new XlsxError(`the sheet spans ${attribute(attrs, 'ref')}, beyond Excel's ${MAX_COLUMNS} columns`);
			} else if (name === 'row') {
				const r = Number(attribute(attrs, 'r'));
				while (Number.isInteger(r) && rows.length < r - 1) rows.push([]);
				row = [];
				nextCol = 0;
			} else if (name === 'c') {
				const { r: ref, t = 'n', s = '0' } = attributes(attrs);
				const col = ref ? columnIndex(ref.replace(/\d+$/, '')) : nextCol;
				if (col >= MAX_COLUMNS) throw new XlsxError(`cell ${ref} lies beyond Excel's ${MAX_COLUMNS} columns`);
				nextCol = col + 1;
				cell = { col, type: t, style: Number(s) };
				value = [];
			} else if (cell && (name === 'v' || (name === 't' && cell.type === 'inlineStr'))) capture = true;
		},
		close(name) {
			if (name === 'v' || name === 't') capture = false;
			else if (name === 'c' && cell) finishCell();
			else if (name === 'row') rows.push(row);
		},
		text(raw) {
			if (capture) value.push(unescapeXml(raw));
		}
	});
	while (rows.length && rows[rows.length - 1].every((c) => c === null || c === undefined)) rows.pop();
	return rows;
}

function columnIndex(letters: string): number {
	let n = 0;
	for (const ch of letters.toUpperCase()) {
		const d = ch.charCodeAt(0) - 64;
		if (d < 1 || d > 26) return -1;
		n = n * 26 + d;
	}
	return n - 1;
}
