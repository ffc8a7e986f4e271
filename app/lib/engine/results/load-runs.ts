import type { CheckRun } from '../checks/registry';
import type { Finding, Level, Severity } from '../checks/types';
import type { SqlDb } from '../sql/db';
import { FINDINGS_TABLE } from './store-results';
import { hasResults } from './respondents';
import type { RunSummary } from './types';

/** Rebuilds the last run's findings from the project database, e.g. to re-run one check after a reload. */
export async function loadRuns(db: SqlDb, summary: RunSummary): Promise<CheckRun[]> {
	if (!(await hasResults(db))) return [];
	const t = await db.query(
		`SELECT "check", level, row, respondent, variable, severity, score, message, evidence FROM ${FINDINGS_TABLE} ORDER BY __row`
	);
	const byCheck = new Map<string, Finding[]>();
	for (const r of t.toArray()) {
		const f: Finding = {
			check: String(r.check),
			level: String(r.level) as Level,
			severity: String(r.severity) as Severity,
			score: Number(r.score),
			message: String(r.message),
			evidence: JSON.parse(String(r.evidence))
		};
		if (r.row !== null) f.row = Number(r.row);
		if (r.respondent !== null) f.respondent = String(r.respondent);
		if (r.variable !== null) f.variable = String(r.variable);
		let list = byCheck.get(f.check);
		if (!list) byCheck.set(f.check, (list = []));
		list.push(f);
	}
	return summary.outcomes.map((o) => ({ ...o, findings: byCheck.get(o.id) ?? [] }));
}
