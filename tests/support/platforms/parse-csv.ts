import { parseCsv as parseRows } from '../../unit/io/spss/pspp-expected';

/** A pull's CSV as rows of objects by header name. */
export function parseCsv(text: string): Record<string, string>[] {
	const [header = [], ...body] = parseRows(text);
	return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

export function csvHeader(text: string): string[] {
	return parseRows(text)[0] ?? [];
}
