import { sentimentOf } from '../text/sentiment';
import { ident, rows, sql } from '../sql/frag';
import { about, aboutVariable, fmt, num } from './finding';
import type { OpenEndPairConfig } from './config';
import { defineCheck, type CheckContext, type Finding } from './types';

interface Answer {
	r: number;
	x: number;
	t: string;
}

async function answers(ctx: CheckContext, pair: OpenEndPairConfig): Promise<Answer[]> {
	return rows<Answer>(
		ctx.db,
		sql`SELECT __row AS r, CAST(${ctx.value(pair.rating)} AS DOUBLE) AS x, CAST(${ident(pair.openEnd)} AS VARCHAR) AS t FROM data WHERE NOT ${ctx.isMissing(pair.rating)} AND NOT ${ctx.isMissing(pair.openEnd)} ORDER BY __row`
	);
}

/** Ratings mapped onto −1 … +1 by the scale (or the observed range), sentiment memoised per distinct text. */
function judge(list: Answer[], scale: [number, number] | undefined): { rating: Float64Array; sentiment: Float64Array; hits: Int32Array } {
	let [lo, hi] = scale ?? [Infinity, -Infinity];
	if (!scale) for (const a of list) [lo, hi] = [Math.min(lo, a.x), Math.max(hi, a.x)];
	const memo = new Map<string, { score: number; hits: number }>();
	const rating = new Float64Array(list.length);
	const sentiment = new Float64Array(list.length);
	const hits = new Int32Array(list.length);
	list.forEach((a, i) => {
		let s = memo.get(a.t);
		if (!s) memo.set(a.t, (s = sentimentOf(a.t)));
		rating[i] = hi > lo ? ((a.x - lo) / (hi - lo)) * 2 - 1 : 0;
		sentiment[i] = s.score;
		hits[i] = s.hits;
	});
	return { rating, sentiment, hits };
}

function pearson(a: Float64Array, b: Float64Array): number {
	const n = a.length;
	let ma = 0;
	let mb = 0;
	for (let i = 0; i < n; i++) [ma, mb] = [ma + a[i] / n, mb + b[i] / n];
	let sab = 0;
	let saa = 0;
	let sbb = 0;
	for (let i = 0; i < n; i++) [sab, saa, sbb] = [sab + (a[i] - ma) * (b[i] - mb), saa + (a[i] - ma) ** 2, sbb + (b[i] - mb) ** 2];
	return saa && sbb ? sab / Math.sqrt(saa * sbb) : 0;
}

/** Numeric variables just before each open end in the file: the rating an explanation usually follows. */
function candidatePairs(ctx: CheckContext): OpenEndPairConfig[] {
	const vars = ctx.dictionary.variables;
	return ctx.roles.openEnds.flatMap((openEnd) => {
		const at = vars.findIndex((v) => v.name === openEnd);
		return vars
			.slice(Math.max(0, at - 3), at)
			.filter((v) => v.type === 'numeric' && ctx.substantive.includes(v.name))
			.map((v) => ({ openEnd, rating: v.name }));
	});
}

export default defineCheck({
	id: 'closed-open',
	version: 1,
	title: 'Rating contradicts its explanation',
	description:
		'A rating at one end of its scale explained in words of the opposite sentiment (lexicon sentiment, en/de/fr/es), for the open end / rating pairs in CONFIG openEndPairs; without pairs, ratings just before an open end whose answers agree with it are proposed.',
	category: 'attention',
	severity: 'warning',
	needs: ['open-ends'],
	params: {
		extreme: { type: 'number', default: 0.5, min: 0, max: 1, description: 'ratings this far from the scale middle (−1 … +1) are judged' },
		minSentiment: {
			type: 'number',
			default: 0.4,
			min: 0,
			max: 1,
			description: 'sentiment of the opposite sign at least this strong contradicts the rating'
		},
		proposeCorrelation: {
			type: 'number',
			default: 0.2,
			min: 0,
			max: 1,
			description: 'propose a pair when rating and sentiment correlate at least this much'
		}
	},
	async run(ctx) {
		const extreme = num(ctx.params.extreme);
		const minSentiment = num(ctx.params.minSentiment);
		const out: Finding[] = [];
		const pairs = ctx.config.openEndPairs ?? [];
		for (const pair of pairs) {
			const list = await answers(ctx, pair);
			const { rating, sentiment, hits } = judge(list, pair.scale);
			list.forEach((a, i) => {
				const clash =
					hits[i] > 0 &&
					((rating[i] >= extreme && sentiment[i] <= -minSentiment) || (rating[i] <= -extreme && sentiment[i] >= minSentiment));
				if (!clash) return;
				const tone = sentiment[i] < 0 ? 'negative' : 'positive';
				out.push(
					about(ctx, 'closed-open', a.r, {
						variable: pair.openEnd,
						severity: 'warning',
						score: Math.abs(rating[i] - sentiment[i]) / 2,
						message: `${pair.rating} = ${fmt(a.x)} (${rating[i] > 0 ? 'high' : 'low'}) but ${pair.openEnd} reads ${tone}`,
						evidence: {
							rating: a.x,
							ratingVariable: pair.rating,
							sentiment: Number(sentiment[i].toFixed(2)),
							text: a.t.length > 60 ? `${a.t.slice(0, 57)}…` : a.t
						}
					})
				);
			});
		}
		if (pairs.length === 0)
			for (const pair of candidatePairs(ctx)) {
				const { rating, sentiment, hits } = judge(await answers(ctx, pair), undefined);
				const keep: number[] = [];
				hits.forEach((h, i) => h > 0 && keep.push(i));
				if (keep.length < 20) continue;
				const r = pearson(
					Float64Array.from(keep, (i) => rating[i]),
					Float64Array.from(keep, (i) => sentiment[i])
				);
				if (r >= num(ctx.params.proposeCorrelation))
					out.push(
						aboutVariable('closed-open', pair.openEnd, {
							severity: 'info',
							score: 0,
							message: `${pair.openEnd} seems to explain ${pair.rating} (r = ${fmt(r)}); add {"openEnd": "${pair.openEnd}", "rating": "${pair.rating}"} to openEndPairs to check them against each other`,
							evidence: { proposed: pair, r }
						})
					);
			}
		return out.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
	}
});
