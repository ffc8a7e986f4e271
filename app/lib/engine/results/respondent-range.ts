import type { SqlDb } from '../sql/db';
import { hasResults, toRespondentRow } from './respondents';
import { SCORES_TABLE } from './store-results';
import type { RespondentRow } from './types';

/**
 * Scored respondents whose row lies in `from`..`to` (1-based, at most 1000 rows), row order.
 * Rows with no finding have no score row: they score 100 (keep). Null when no check run is stored.
 */
export async function respondentRange(db: SqlDb, from: number, to: number): Promise<RespondentRow[] | null> {
	if (!(await hasResults(db))) return null;
	const last = Math.min(to, from + 999);
	const t = await db.query(`SELECT row, respondent, score, verdict, reasons FROM ${SCORES_TABLE} WHERE row BETWEEN ? AND ? ORDER BY row`, [
		from,
		last
	]);
	return t.toArray().map(toRespondentRow);
}
