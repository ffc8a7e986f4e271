import { neutraliseFormula } from '../io/export/neutralise';

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One CSV cell: formula-neutralised with a leading apostrophe, then quoted per RFC 4180 when needed. */
export function csvCell(value: string | number): string {
	const text = neutraliseFormula(String(value));
	return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(cells: (string | number)[]): string {
	return cells.map(csvCell).join(',');
}
