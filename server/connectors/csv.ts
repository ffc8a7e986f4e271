/** One CSV field (RFC 4180): quoted when it holds a separator, quote, line break or edge blanks. */
export function csvField(value: unknown): string {
	if (value === null || value === undefined) return '';
	const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
	return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly unknown[]): string {
	return `${values.map(csvField).join(',')}\r\n`;
}
