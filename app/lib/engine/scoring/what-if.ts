import type { Dictionary } from '../../dataset/dictionary';
import type { SqlDb } from '../sql/db';
import { valueOf } from '../dataset/missing';
import { join, sql, numericColumns, Frag } from '../sql/frag';
import { botFields } from '../results/bot-fields';
import type { RespondentScore } from './score';

export interface WhatIfRow {
	/** `score`: respondents with a score below the threshold are removed; `bot`: those with a bot probability at or above it. */
	by: 'score' | 'bot';
	threshold: number;
	removed: number;
	kept: number;
	/** Mean of each key variable over everyone, and over those kept. */
	means: Record<string, { all: number | null; kept: number | null; change: number | null }>;
}

/**
 * How many respondents each removal threshold drops and how key means move without them: one row
 * per score threshold, then one per bot-probability threshold (the bot check's probability).
 * @example const rows = await whatIf(db, dictionary, scores, [40, 50, 60], ['q1_1', 'age'], [0.5, 0.9]);
 */
export async function whatIf(
	db: SqlDb,
	dictionary: Dictionary,
	scores: Map<number, RespondentScore>,
	thresholds: number[],
	variables: string[],
	botThresholds: number[] = []
): Promise<WhatIfRow[]> {
	const vars = variables.map((name) => {
		const v = dictionary.variables.find((x) => x.name === name);
		if (!v || v.type !== 'numeric') throw new Error(`what-if: ${name} is not a numeric variable`);
		return v;
	});
	const cols = vars.map((v, i) => sql`${valueOf(v)} AS ${new Frag(`v${i}`, [])}`);
	const data = await numericColumns(db, sql`SELECT __row AS r${cols.length ? sql`, ${join(cols)}` : sql``} FROM data ORDER BY __row`);
	const rowIds = data.r;
	const score = Float64Array.from(rowIds, (r) => scores.get(r)?.score ?? 100);
	const bots = botThresholds.length && rowIds.length ? await botFields(db, rowIds[0], rowIds[rowIds.length - 1]) : new Map();
	const bot = Float64Array.from(rowIds, (r) => bots.get(r)?.probability ?? 0);
	const row = (by: WhatIfRow['by'], threshold: number, removes: (i: number) => boolean): WhatIfRow => {
		let removed = 0;
		for (let i = 0; i < rowIds.length; i++) if (removes(i)) removed++;
		const means: WhatIfRow['means'] = {};
		vars.forEach((v, j) => {
			const x = data[`v${j}`];
			let sa = 0,
				na = 0,
				sk = 0,
				nk = 0;
			for (let i = 0; i < x.length; i++) {
				if (Number.isNaN(x[i])) continue;
				sa += x[i];
				na++;
				if (!removes(i)) {
					sk += x[i];
					nk++;
				}
			}
			const all = na ? sa / na : null;
			const kept = nk ? sk / nk : null;
			means[v.name] = { all, kept, change: all !== null && kept !== null ? kept - all : null };
		});
		return { by, threshold, removed, kept: rowIds.length - removed, means };
	};
	return [
		...[...thresholds].sort((a, b) => a - b).map((t) => row('score', t, (i) => score[i] < t)),
		...[...botThresholds].sort((a, b) => b - a).map((t) => row('bot', t, (i) => bot[i] >= t))
	];
}
