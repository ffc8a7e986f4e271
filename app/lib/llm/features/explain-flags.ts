import type { RespondentRow } from '../../engine/api';

/** The prompt variables for one respondent: its id and one line per finding (check title, severity, message). */
export function explainFlagsVariables(row: RespondentRow, titles: ReadonlyMap<string, string>): Record<string, string> {
	return { respondent: String(row.respondent), flags: flagLines(row, titles).join('\n') };
}

/** Without an LLM: the same facts as sentences. */
export function explainFlagsLocally(row: RespondentRow, titles: ReadonlyMap<string, string>): string {
	if (row.reasons.length === 0) return `Respondent ${row.respondent} has no findings.`;
	const n = row.reasons.length;
	return [
		`Respondent ${row.respondent} scores ${row.score} of 100 (${row.verdict}) with ${n} finding${n === 1 ? '' : 's'}:`,
		...flagLines(row, titles),
		'Look at the flagged answers before deciding; one flag alone is rarely a reason to exclude.'
	].join('\n');
}

function flagLines(row: RespondentRow, titles: ReadonlyMap<string, string>): string[] {
	return row.reasons.map((r) => `- ${titles.get(r.check) ?? r.check} (${r.severity}): ${r.message}`);
}
