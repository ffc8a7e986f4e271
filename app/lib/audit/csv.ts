const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
// Spreadsheets run cells starting with these as formulas (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: formula-neutralised with a leading apostrophe, then quoted per RFC 4180 when needed. */
export function csvCell(value: string | number): string {
	let text = String(value);
	if (FORMULA_START.test(text)) text = `'${text}`;
	return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(cells: (string | number)[]): string {
	return cells.map(csvCell).join(',');
}
