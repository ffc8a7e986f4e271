import type { Severity } from '../checks/types';
import type { SqlDb } from '../sql/db';
import { hasResults } from './respondents';
import { FINDINGS_TABLE } from './store-results';

export interface RowFinding {
	check: string;
	level: string;
	variable: string | null;
	severity: Severity;
	score: number;
	message: string;
	evidence: Record<string, unknown>;
	/** Rows of the other respondents a duplicates finding names (its evidence names respondents, not rows). */
	others: number[];
}

/** Respondents a duplicates finding's evidence names: `of` / `copies` (exact), `with` (near). */
function namedRespondents(e: Record<string, unknown>): string[] {
	const list = [e.of, e.with, ...(Array.isArray(e.copies) ? e.copies : [])];
	return list.filter((x) => typeof x === 'string' || typeof x === 'number').map(String);
}

/** Every finding of one row from the last check run (info included), most severe first. */
export async function rowFindings(db: SqlDb, row: number): Promise<RowFinding[]> {
	if (!(await hasResults(db))) return [];
	const t = await db.query(
		`SELECT "check", level, variable, severity, score, message, evidence FROM ${FINDINGS_TABLE} WHERE row = ?
		 ORDER BY CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, "check", variable NULLS FIRST`,
		[row]
	);
	const found = t.toArray().map((r) => ({
		check: String(r.check),
		level: String(r.level),
		variable: r.variable === null ? null : String(r.variable),
		severity: String(r.severity) as Severity,
		score: Number(r.score),
		message: String(r.message),
		evidence: JSON.parse(String(r.evidence)) as Record<string, unknown>,
		others: [] as number[]
	}));
	const named = [...new Set(found.filter((f) => f.check === 'duplicates').flatMap((f) => namedRespondents(f.evidence)))];
	if (named.length === 0) return found;
	// a duplicate pair is flagged on both sides, so the other respondent's row is in the findings too
	const rows = await db.query(
		`SELECT respondent, min(row)::INTEGER AS row FROM ${FINDINGS_TABLE} WHERE "check" = 'duplicates' AND respondent IN (${named.map(() => '?').join(', ')}) GROUP BY respondent`,
		named
	);
	const rowOf = new Map(rows.toArray().map((r) => [String(r.respondent), Number(r.row)]));
	for (const f of found)
		if (f.check === 'duplicates') f.others = namedRespondents(f.evidence).flatMap((n) => (rowOf.has(n) ? [rowOf.get(n)!] : []));
	return found;
}
