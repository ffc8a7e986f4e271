import type { Dictionary } from '../dataset/dictionary';
import type { ColumnBatch } from '../io/batch';

/** RFC 4180 field; blanks at either end are quoted too so readers that trim keep "germany " intact. */
function field(s: string): string {
	if (s === '' || /[",\r\n]/.test(s) || s.trim() !== s) return `"${s.replaceAll('"', '""')}"`;
	return s;
}

function datetime(ms: number): string {
	return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

export function csvHeader(dictionary: Dictionary): string {
	return `${dictionary.variables.map((v) => field(v.name)).join(',')}\r\n`;
}

/**
 * One batch as CSV lines (CRLF, RFC 4180). Missing values are empty fields, an empty string is `""`;
 * datetimes are "YYYY-MM-DD HH:MM:SS" UTC, which DuckDB and spreadsheets read as timestamps.
 */
export function batchToCsv(dictionary: Dictionary, batch: ColumnBatch): string {
	const vars = dictionary.variables;
	const lines: string[] = new Array(batch.length);
	const cells: string[] = new Array(vars.length);
	for (let r = 0; r < batch.length; r++) {
		for (let c = 0; c < vars.length; c++) {
			const col = batch.columns[c];
			if (Array.isArray(col)) {
				const s = col[r];
				cells[c] = s === null ? '' : field(s);
			} else {
				const x = col[r];
				cells[c] = Number.isNaN(x) ? '' : vars[c].type === 'datetime' ? datetime(x) : String(x);
			}
		}
		lines[r] = cells.join(',');
	}
	return batch.length ? `${lines.join('\r\n')}\r\n` : '';
}
