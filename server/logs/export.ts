import type { StoredLogEntry } from '../protocol/logs';

export const EXPORT_FORMATS = ['json', 'csv', 'txt'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const CSV_COLUMNS = ['id', 'time', 'level', 'message', 'count', 'trace', 'room', 'error', 'context'] as const;

const csvCell = (value: unknown): string => {
	const text = value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
	// a leading = + - @ would run as a formula in a spreadsheet
	const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
	return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** Entries as a downloadable body: a JSON array, CSV with a header row, or one text line each. */
export function formatEntries(entries: StoredLogEntry[], format: ExportFormat): string {
	if (format === 'json') return JSON.stringify(entries);
	if (format === 'csv')
		return [CSV_COLUMNS.join(','), ...entries.map((e) => CSV_COLUMNS.map((c) => csvCell(e[c])).join(','))].join('\r\n') + '\r\n';
	return entries
		.map((e) => {
			const repeat = e.count > 1 ? ` (×${e.count})` : '';
			const error = e.error ? ` | ${e.error.name}: ${e.error.message}` : '';
			const context = e.context ? ` ${JSON.stringify(e.context)}` : '';
			return `${e.time} ${e.level.toUpperCase().padEnd(5)} [${e.trace}] ${e.message}${repeat}${error}${context}`;
		})
		.join('\n')
		.concat(entries.length ? '\n' : '');
}
