import type { Severity } from '../checks/types';
import type { SqlDb, SqlValue } from '../sql/db';
import { hasResults } from './respondents';
import { FINDINGS_TABLE, SCORES_TABLE } from './store-results';

/**
 * Rows (ascending) with a finding of `check` and/or of `severity`, both in the same finding.
 * A check or variable alone counts its warnings and errors, as `respondentPage` does (info findings
 * do not flag); `severity: 'info'` finds the info ones, `severity: 'any'` every severity.
 * Empty before the first check run.
 */
export async function flaggedRows(
	db: SqlDb,
	q: { check?: string | null; severity?: Severity | 'any' | null; variable?: string | null }
): Promise<number[]> {
	if (!(await hasResults(db))) return [];
	const where = ['row IS NOT NULL', 'NOT isnan(row)'];
	const params: SqlValue[] = [];
	if (q.check) {
		where.push('"check" = ?');
		params.push(q.check);
	}
	if (q.severity && q.severity !== 'any') {
		where.push('severity = ?');
		params.push(q.severity);
	} else if (!q.severity && (q.check || q.variable)) where.push(`severity <> 'info'`);
	if (q.variable) {
		where.push('variable = ?');
		params.push(q.variable);
	}
	const t = await db.query(`SELECT DISTINCT row::INTEGER AS row FROM ${FINDINGS_TABLE} WHERE ${where.join(' AND ')} ORDER BY row`, params);
	return t.toArray().map((r) => Number(r.row));
}

/**
 * Scored rows below 100, lowest score first (ties by row). Every other row scores 100, so this list
 * followed by the remaining rows in row order is the whole file sorted by score.
 */
export async function rowsByScore(db: SqlDb): Promise<number[]> {
	if (!(await hasResults(db))) return [];
	const t = await db.query(`SELECT row::INTEGER AS row FROM ${SCORES_TABLE} WHERE score < 100 ORDER BY score, row`);
	return t.toArray().map((r) => Number(r.row));
}

/**
 * Rows with findings grouped by check: each row once, under the check of its most severe finding
 * (ties by check id), groups in check-id order, rows in row order within a group. Rows with a
 * warning or error come first; rows whose findings are all info follow, grouped the same way.
 */
export async function rowsByCheck(db: SqlDb): Promise<number[]> {
	if (!(await hasResults(db))) return [];
	const t = await db.query(
		`SELECT row FROM (
			SELECT row::INTEGER AS row, "check", severity,
				row_number() OVER (PARTITION BY row ORDER BY CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, "check") AS k
			FROM ${FINDINGS_TABLE} WHERE row IS NOT NULL AND NOT isnan(row)
		) WHERE k = 1 ORDER BY severity = 'info', "check", row`
	);
	return t.toArray().map((r) => Number(r.row));
}
