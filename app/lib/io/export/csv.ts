import type { Dictionary } from '../../dataset/dictionary';
import type { ColumnBatch } from '../batch';
import { numberText } from './cell-text';
import { neutraliseFormula } from './neutralise';

const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/** One RFC 4180 field: quoted when it holds a comma, quote, CR or LF; formulas neutralised. */
export function csvField(text: string): string {
	const s = neutraliseFormula(text);
	return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * RFC 4180 CSV (CRLF, UTF-8), one encoded chunk per page: a header of variable names, then the
 * rows. Text that a spreadsheet would run as a formula is neutralised; numbers are never touched.
 */
export async function* csvChunks(
	dictionary: Dictionary,
	pages: AsyncIterable<ColumnBatch>,
	opts: { bom?: boolean } = {}
): AsyncGenerator<Uint8Array> {
	const encoder = new TextEncoder();
	const vars = dictionary.variables;
	if (opts.bom) yield BOM;
	yield encoder.encode(`${vars.map((v) => csvField(v.name)).join(',')}\r\n`);
	for await (const page of pages) {
		const lines: string[] = new Array(page.length);
		const cells: string[] = new Array(vars.length);
		for (let r = 0; r < page.length; r++) {
			for (let i = 0; i < vars.length; i++) {
				const col = page.columns[i];
				if (Array.isArray(col)) {
					const s = col[r];
					cells[i] = s === null || s === undefined ? '' : csvField(s);
				} else cells[i] = numberText(vars[i].type, col[r]);
			}
			lines[r] = cells.join(',');
		}
		yield encoder.encode(`${lines.join('\r\n')}\r\n`);
	}
}
