import type { Dictionary } from '../../dataset/dictionary';
import type { SqlDb } from '../sql/db';
import { valueOf } from '../dataset/missing';
import { join, sql, numericColumns, Frag } from '../sql/frag';
import type { RespondentScore } from './score';

export interface WhatIfRow {
	threshold: number;
	/** Respondents with a score below the threshold. */
	removed: number;
	kept: number;
	/** Mean of each key variable over everyone, and over those kept. */
	means: Record<string, { all: number | null; kept: number | null; change: number | null }>;
}

/**
 * How many respondents each removal threshold drops and how key means move without them.
 * @example const rows = await whatIf(db, dictionary, scores, [40, 50, 60], ['q1_1', 'age']);
 */
export async function whatIf(
	db: SqlDb,
	dictionary: Dictionary,
	scores: Map<number, RespondentScore>,
	thresholds: number[],
	variables: string[]
): Promise<WhatIfRow[]> {
	const vars = variables.map((name) => {
		const v = dictionary.variables.find((x) => x.name === name);
		if (!v || v.type !== 'numeric') throw new Error(`what-if: ${name} is not a numeric variable`);
		return v;
	});
	const cols = vars.map((v, i) => sql`${valueOf(v)} AS ${new Frag(`v${i}`, [])}`);
	const data = await numericColumns(db, sql`SELECT __row AS r${cols.length ? sql`, ${join(cols)}` : sql``} FROM data ORDER BY __row`);
	const rowIds = data.r;
	const score = new Float64Array(rowIds.length);
	for (let i = 0; i < rowIds.length; i++) score[i] = scores.get(rowIds[i])?.score ?? 100;
	return [...thresholds]
		.sort((a, b) => a - b)
		.map((t) => {
			let removed = 0;
			for (let i = 0; i < score.length; i++) if (score[i] < t) removed++;
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
					if (score[i] >= t) {
						sk += x[i];
						nk++;
					}
				}
				const all = na ? sa / na : null;
				const kept = nk ? sk / nk : null;
				means[v.name] = { all, kept, change: all !== null && kept !== null ? kept - all : null };
			});
			return { threshold: t, removed, kept: score.length - removed, means };
		});
}
