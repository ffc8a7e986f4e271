import writeExcelFile, { type Cell, type SheetData } from 'write-excel-file/universal';
import type { Dictionary } from '../../dataset/dictionary';
import type { ColumnBatch } from '../batch';
import { xlsxText } from './xlsx-text';

/** Excel's sheet holds 1,048,576 rows, the header included. */
export const XLSX_MAX_ROWS = 1_048_575;

/**
 * write-excel-file renders the sheet's XML as one JS string, and V8 caps strings at ~512 MiB: a
 * 1M × 60 sheet fails with "Invalid string length" after minutes, so refuse it up front.
 */
export const XLSX_MAX_CELLS = 10_000_000;

export class XlsxLimitError extends Error {
	override name = 'XlsxLimitError';
}

/**
 * One-sheet .xlsx: header of variable names, numbers and times (seconds) as numbers, dates and
 * datetimes as Excel dates, text neutralised against formulas. write-excel-file builds the workbook
 * in memory, so the cells of every page are kept until the end.
 */
export async function xlsxBlob(dictionary: Dictionary, pages: AsyncIterable<ColumnBatch>, totalRows: number): Promise<Blob> {
	if (totalRows > XLSX_MAX_ROWS)
		throw new XlsxLimitError(`${totalRows} rows do not fit an Excel sheet (at most ${XLSX_MAX_ROWS}); export CSV, Parquet or SPSS instead`);
	const vars = dictionary.variables;
	if (totalRows * vars.length > XLSX_MAX_CELLS)
		throw new XlsxLimitError(
			`${(totalRows * vars.length).toLocaleString('en')} cells are more than the Excel export holds (${XLSX_MAX_CELLS.toLocaleString('en')}); export CSV, Parquet or SPSS instead`
		);
	const header: Cell[] = vars.map((v) => ({ value: xlsxText(v.name), type: String, fontWeight: 'bold' }));
	const sheet: SheetData = [header];
	for await (const page of pages) {
		for (let r = 0; r < page.length; r++) {
			const row: Cell[] = new Array(vars.length);
			for (let i = 0; i < vars.length; i++) {
				const col = page.columns[i];
				if (Array.isArray(col)) {
					const s = col[r];
					row[i] = s === null || s === undefined || s === '' ? null : textCell(s);
					continue;
				}
				const x = col[r];
				const type = vars[i].type;
				if (Number.isNaN(x)) row[i] = null;
				else if (type === 'date') row[i] = new Date(x);
				else if (type === 'datetime') row[i] = { value: new Date(x), type: Date, format: 'yyyy-mm-dd hh:mm:ss' };
				else row[i] = x;
			}
			sheet.push(row);
		}
	}
	return writeExcelFile(sheet, { dateFormat: 'yyyy-mm-dd', stickyRowsCount: 1 }).toBlob();
}

// Excel shows a line break inside a cell only when the cell wraps text.
const textCell = (s: string): Cell => ({ value: xlsxText(s), type: String, ...(/[\r\n]/.test(s) ? { wrap: true } : {}) });
