import type { Verdict } from '../scoring';
import type { SqlDb, SqlValue } from '../sql/db';
import { FINDINGS_TABLE, SCORES_TABLE } from './store-results';
import type { RespondentQuery, RespondentRow } from './types';

/** Flagged respondents in pages, lowest score first, filtered by verdict or check; all SQL bound. */
export async function respondentPage(db: SqlDb, q: RespondentQuery): Promise<{ total: number; rows: RespondentRow[] }> {
	const where: string[] = [];
	const params: SqlValue[] = [];
	if (q.verdict) {
		where.push('s.verdict = ?');
		params.push(q.verdict);
	}
	if (q.check) {
		where.push(`s.row IN (SELECT row FROM ${FINDINGS_TABLE} WHERE "check" = ? AND severity <> 'info')`);
		params.push(q.check);
	}
	const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
	const total = Number((await db.query(`SELECT count(*)::INTEGER AS n FROM ${SCORES_TABLE} s ${filter}`, params)).get(0)!.n);
	const order = q.order === 'row' ? 's.row' : 's.score, s.row';
	const t = await db.query(
		`SELECT s.row, s.respondent, s.score, s.verdict, s.reasons FROM ${SCORES_TABLE} s ${filter} ORDER BY ${order} LIMIT ? OFFSET ?`,
		[...params, Math.min(1000, Math.max(0, q.limit)), Math.max(0, q.offset)]
	);
	const rows = t.toArray().map(toRespondentRow);
	return { total, rows };
}

/** A `sieve_scores` row as the review table shows it. */
export function toRespondentRow(r: {
	row: unknown;
	respondent: unknown;
	score: unknown;
	verdict: unknown;
	reasons: unknown;
}): RespondentRow {
	const reasons = JSON.parse(String(r.reasons)) as RespondentRow['reasons'];
	return {
		row: Number(r.row),
		respondent: String(r.respondent),
		score: Number(r.score),
		verdict: String(r.verdict) as Verdict,
		flags: reasons.length,
		checks: [...new Set(reasons.map((x) => x.check))],
		reasons
	};
}

export async function hasResults(db: SqlDb): Promise<boolean> {
	const t = await db.query(
		`SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = ? AND table_catalog = current_database()`,
		[SCORES_TABLE]
	);
	return Number(t.get(0)!.n) > 0;
}
