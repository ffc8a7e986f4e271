import type { RespondentScore, Verdict } from '../scoring';
import type { SqlDb } from '../sql/db';
import { hasResults } from './respondents';
import { SCORES_TABLE } from './store-results';

/** The stored respondent scores (flagged respondents only; the rest score 100). */
export async function loadScores(db: SqlDb): Promise<Map<number, RespondentScore>> {
	const out = new Map<number, RespondentScore>();
	if (!(await hasResults(db))) return out;
	const t = await db.query(`SELECT row, respondent, score, verdict, reasons FROM ${SCORES_TABLE}`);
	for (const r of t.toArray()) {
		const row = Number(r.row);
		out.set(row, {
			row,
			respondent: String(r.respondent),
			score: Number(r.score),
			verdict: String(r.verdict) as Verdict,
			reasons: JSON.parse(String(r.reasons)).map((x: RespondentScore['reasons'][number]) => ({ ...x, impact: 0 }))
		});
	}
	return out;
}
