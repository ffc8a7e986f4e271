import type { Finding, Level, Severity } from '../checks/types';
import type { SqlDb } from '../sql/db';
import { FINDINGS_TABLE } from './store-results';

export interface FindingPage {
	/** First and last data row of the page (1-based, inclusive). */
	from: number;
	to: number;
	/** The page's respondent findings by row, each row's in the order they were made; evidence is left out. */
	findings: Finding[];
}

/**
 * Reads the stored findings about respondents back page by page of data rows, so scoring and
 * RESULT can walk a big file's findings without holding them all.
 */
export async function* findingPages(db: SqlDb, rows: number, pageRows = 50_000): AsyncGenerator<FindingPage> {
	for (let from = 1; from <= rows; from += pageRows) {
		const to = Math.min(rows, from + pageRows - 1);
		const t = await db.query(
			`SELECT "check", level, row::INTEGER AS row, respondent, variable, severity, score, message
			FROM ${FINDINGS_TABLE} WHERE row BETWEEN ? AND ? ORDER BY row, __row`,
			[from, to]
		);
		const col = (name: string) => t.getChild(name)!.toArray() as unknown[];
		const [check, level, row, respondent, variable, severity, score, message] = [
			'check',
			'level',
			'row',
			'respondent',
			'variable',
			'severity',
			'score',
			'message'
		].map(col);
		const findings: Finding[] = [];
		for (let i = 0; i < t.numRows; i++)
			findings.push({
				check: check[i] as string,
				level: level[i] as Level,
				row: row[i] as number,
				respondent: (respondent[i] as string | null) ?? undefined,
				variable: (variable[i] as string | null) ?? undefined,
				severity: severity[i] as Severity,
				score: score[i] as number,
				message: message[i] as string,
				evidence: {}
			});
		yield { from, to, findings };
	}
}
