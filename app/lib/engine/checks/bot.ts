import { randomResponding } from '../bot/random-responding';
import { numericColumns, sql } from '../sql/frag';
import { about, fmt, num } from './finding';
import { durationSeconds } from './speeders';
import { defineCheck, type CheckContext, type Finding } from './types';

export default defineCheck({
	id: 'bot',
	version: 1,
	title: 'Bots and random responders',
	description:
		'Answers that look random: a permutation test per respondent (Ilagan & Falk 2024) asks whether shuffling their answers across the items of each grid makes them any less typical. A random bot cannot be told from its shuffles; a reader can.',
	category: 'fraud',
	severity: 'warning',
	needs: ['grids'],
	params: {
		sensitivity: {
			type: 'number',
			// 0.95 caught 94–96 % of bots on real bfi answers but flagged 10.6 % of the real people; 0.85 flags 5.2 %
			default: 0.85,
			min: 0.5,
			max: 0.999,
			description: 'share of random responders to catch; the rest of the risk falls on attentive respondents with flat answers'
		},
		minItems: { type: 'number', default: 5, min: 3, description: 'only grids with at least this many items' },
		permutations: { type: 'number', default: 200, min: 20, max: 5000, description: 'shuffles per respondent' },
		seed: { type: 'number', default: 1, description: 'seed of the shuffles, for reproducible p-values' },
		fast: {
			type: 'number',
			default: 0.5,
			min: 0,
			max: 1,
			description: 'random-looking answers given in under this fraction of the median duration are an error'
		}
	},
	async run(ctx) {
		const test = await randomResponding(ctx, {
			minItems: num(ctx.params.minItems),
			permutations: num(ctx.params.permutations),
			seed: num(ctx.params.seed)
		});
		if (!test) return [];
		const alpha = 1 - num(ctx.params.sensitivity);
		const speed = await durationRatios(ctx);
		const out: Finding[] = [];
		for (let i = 0; i < test.rows.length; i++) {
			const p = test.p[i];
			if (!(p > alpha)) continue;
			const ratio = speed?.get(test.rows[i]) ?? NaN;
			const fast = ratio < num(ctx.params.fast);
			out.push(
				about(ctx, 'bot', test.rows[i], {
					severity: fast ? 'error' : 'warning',
					score: Math.min(1, 0.5 + 0.5 * Math.min(1, (p - alpha) / (0.5 - alpha)) + (fast ? 0.25 : 0)),
					message:
						`answers look random: shuffled across the items they are just as typical (permutation p = ${fmt(p)} over ${test.answered[i]} answers; attentive respondents are below ${fmt(alpha)})` +
						(Number.isFinite(test.personTotal[i]) ? `; correlation with the average answers r = ${fmt(test.personTotal[i])}` : '') +
						(fast ? `; finished in ${fmt(ratio)} × the median` : ''),
					evidence: {
						p,
						z: test.z[i],
						answers: test.answered[i],
						personTotal: Number.isFinite(test.personTotal[i]) ? test.personTotal[i] : null,
						grids: test.grids,
						alpha,
						durationRatio: Number.isFinite(ratio) ? ratio : null
					}
				})
			);
		}
		return out;
	}
});

/** Each respondent's duration as a multiple of the median, by `__row`; null without a duration. */
async function durationRatios(ctx: CheckContext): Promise<Map<number, number> | null> {
	const d = durationSeconds(ctx);
	if (!d) return null;
	const { r, x, med } = await numericColumns(
		ctx.db,
		sql`SELECT CAST(__row AS INTEGER) AS r, CAST(${d} AS DOUBLE) AS x, (SELECT median(${d}) FROM data WHERE ${d} > 0) AS med FROM data`
	);
	const median = med[0];
	if (!(median > 0)) return null;
	return new Map(Array.from(r, (row, i) => [row, x[i] / median]));
}
