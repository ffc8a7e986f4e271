import { DATA_TABLE } from '../import/finish';
import type { Severity } from '../checks/types';
import type { SqlDb } from '../sql/db';
import { quoteIdent } from '../sql/quote';
import { hasResults } from './respondents';
import { FINDINGS_TABLE } from './store-results';

/** One finding as the findings exports write it. */
export interface FindingRecord {
	/** The id variable's value as stored (number or text); null for dataset and variable findings. */
	respondent: string | number | null;
	check: string;
	level: string;
	severity: Severity;
	variable: string | null;
	score: number;
	message: string;
	evidence: Record<string, unknown>;
}

/** Every stored finding of the last run in file order, respondents named by the id variable's own values. */
export async function allFindings(db: SqlDb, idVariable: string): Promise<FindingRecord[]> {
	if (!(await hasResults(db))) return [];
	const t = await db.query(
		`SELECT d.${quoteIdent(idVariable)} AS id, f."check", f.level, f.severity, f.variable, f.score, f.message, f.evidence
		 FROM ${FINDINGS_TABLE} f LEFT JOIN ${DATA_TABLE} d ON d.__row = f.row ORDER BY f.row NULLS FIRST, f.__row`
	);
	return t.toArray().map((r) => ({
		respondent: r.id === null || r.id === undefined ? null : typeof r.id === 'bigint' ? Number(r.id) : (r.id as string | number),
		check: String(r.check),
		level: String(r.level),
		severity: String(r.severity) as Severity,
		variable: r.variable === null ? null : String(r.variable),
		score: Number(r.score),
		message: String(r.message),
		evidence: JSON.parse(String(r.evidence)) as Record<string, unknown>
	}));
}
