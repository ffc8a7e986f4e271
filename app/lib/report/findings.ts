import writeExcelFile, { type Cell, type SheetData } from 'write-excel-file/universal';
import type { FindingRecord } from '../engine/results/all-findings';
import { csvField } from '../io/export/csv';
import { neutraliseFormula } from '../io/export/neutralise';

export type FindingsFormat = 'csv' | 'json' | 'xlsx';

const HEAD = ['respondent', 'check', 'level', 'severity', 'variable', 'score', 'message', 'evidence'] as const;

function cells(f: FindingRecord): (string | number | null)[] {
	return [f.respondent, f.check, f.level, f.severity, f.variable, f.score, f.message, JSON.stringify(f.evidence)];
}

/** RFC 4180 CSV (CRLF, UTF-8 with BOM for spreadsheets); text that would run as a formula is neutralised. */
export function findingsCsv(findings: readonly FindingRecord[]): string {
	const line = (row: (string | number | null)[]) =>
		row.map((c) => (c === null ? '' : typeof c === 'number' ? String(c) : csvField(c))).join(',');
	return `\ufeff${[HEAD.join(','), ...findings.map((f) => line(cells(f)))].join('\r\n')}\r\n`;
}

/** JSON array of findings with the evidence as an object. */
export function findingsJson(findings: readonly FindingRecord[]): string {
	return `${JSON.stringify(findings, null, 1)}\n`;
}

/** One-sheet .xlsx with a bold header; text neutralised against formulas as in the data exports. */
export function findingsXlsx(findings: readonly FindingRecord[]): Promise<Blob> {
	const sheet: SheetData = [HEAD.map((h): Cell => ({ value: h, type: String, fontWeight: 'bold' }))];
	for (const f of findings)
		sheet.push(cells(f).map((c): Cell => (c === null ? null : typeof c === 'number' ? c : { value: neutraliseFormula(c), type: String })));
	return writeExcelFile(sheet, { stickyRowsCount: 1 }).toBlob();
}

/** The findings in one of the three formats, as a Blob with its media type. */
export async function findingsBlob(findings: readonly FindingRecord[], format: FindingsFormat): Promise<Blob> {
	if (format === 'xlsx') return findingsXlsx(findings);
	if (format === 'json') return new Blob([findingsJson(findings)], { type: 'application/json' });
	return new Blob([findingsCsv(findings)], { type: 'text/csv' });
}
