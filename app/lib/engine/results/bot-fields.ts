import type { ReviewedBot } from '../bot/reviewer-calibration';
import type { SqlDb } from '../sql/db';
import { FINDINGS_TABLE } from './store-results';

/** RESULT's `bot` of a respondent (SPEC §7). */
export interface BotField {
	probability: number;
	pValue?: number;
	reasons: string[];
}

interface BotFinding {
	row: number;
	severity: string;
	evidence: Record<string, unknown>;
}

/** The stored bot findings of rows from..to, ascending, with their parsed evidence. */
async function botFindings(db: SqlDb, from: number, to: number): Promise<BotFinding[]> {
	const t = await db.query(
		`SELECT row::INTEGER AS row, severity, evidence FROM ${FINDINGS_TABLE} WHERE "check" = 'bot' AND row BETWEEN ? AND ? ORDER BY row`,
		[from, to]
	);
	const rows = t.getChild('row')!.toArray() as ArrayLike<number>;
	const severity = t.getChild('severity')!.toArray() as string[];
	const evidence = t.getChild('evidence')!.toArray() as string[];
	return Array.from({ length: t.numRows }, (_, i) => ({
		row: rows[i],
		severity: severity[i],
		evidence: JSON.parse(evidence[i]) as Record<string, unknown>
	}));
}

/** The `bot` fields of the respondents of rows from..to that the bot check scored, by row. */
export async function botFields(db: SqlDb, from: number, to: number): Promise<Map<number, BotField>> {
	const out = new Map<number, BotField>();
	for (const { row, evidence: e } of await botFindings(db, from, to)) {
		if (typeof e.probability !== 'number') continue;
		out.set(row, {
			probability: e.probability,
			...(typeof e.pValue === 'number' ? { pValue: e.pValue } : {}),
			reasons: Array.isArray(e.reasons) ? (e.reasons as string[]) : []
		});
	}
	return out;
}

/** Every respondent the bot check scored: rows ascending, and each one's probability. */
export async function botProbabilities(db: SqlDb): Promise<{ rows: number[]; probability: number[] }> {
	const all = await botFields(db, 1, 2 ** 31 - 1);
	return { rows: [...all.keys()], probability: [...all.values()].map((b) => b.probability) };
}

/** The decided respondents the bot check scored, with its score and p-value, for the reviewer layer. */
export async function reviewedBots(db: SqlDb, decisions: readonly { row: number; exclude: boolean }[]): Promise<ReviewedBot[]> {
	const found = new Map((await botFindings(db, 1, 2 ** 31 - 1)).map((f) => [f.row, f]));
	return decisions.flatMap(({ row, exclude }) => {
		const f = found.get(row);
		const { score, pValue } = f?.evidence ?? {};
		if (!f || typeof score !== 'number' || typeof pValue !== 'number') return [];
		return [{ score, pValue, flagged: f.severity !== 'info', exclude }];
	});
}
