import type { SqlDb } from '../sql/db';
import { FINDINGS_TABLE } from './store-results';

/** RESULT's `bot` of a respondent (SPEC §7). */
export interface BotField {
	probability: number;
	pValue?: number;
	reasons: string[];
}

/** Every respondent the bot check flagged: rows ascending, and each one's probability. */
export async function botProbabilities(db: SqlDb): Promise<{ rows: number[]; probability: number[] }> {
	const all = await botFields(db, 1, 2 ** 31 - 1);
	return { rows: [...all.keys()], probability: [...all.values()].map((b) => b.probability) };
}

/** The `bot` fields of the respondents of rows from..to that the bot check flagged, by row. */
export async function botFields(db: SqlDb, from: number, to: number): Promise<Map<number, BotField>> {
	const t = await db.query(
		`SELECT row::INTEGER AS row, evidence FROM ${FINDINGS_TABLE} WHERE "check" = 'bot' AND row BETWEEN ? AND ? ORDER BY row`,
		[from, to]
	);
	const rows = t.getChild('row')!.toArray() as ArrayLike<number>;
	const evidence = t.getChild('evidence')!.toArray() as string[];
	const out = new Map<number, BotField>();
	for (let i = 0; i < t.numRows; i++) {
		const e = JSON.parse(evidence[i]) as Partial<BotField>;
		if (typeof e.probability !== 'number') continue;
		out.set(rows[i], {
			probability: e.probability,
			...(typeof e.pValue === 'number' ? { pValue: e.pValue } : {}),
			reasons: Array.isArray(e.reasons) ? e.reasons : []
		});
	}
	return out;
}
