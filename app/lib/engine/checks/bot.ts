import { botScores } from '../bot/bot-score';
import { EVIDENCE } from '../bot/evidence';
import { randomResponding } from '../bot/random-responding';
import { botReasons } from '../bot/reasons';
import { reviewerProbability, type ReviewerCalibration } from '../bot/reviewer-calibration';
import { numericColumns, sql } from '../sql/frag';
import { about, fmt, num } from './finding';
import { durationSeconds } from './speeders';
import { defineCheck, type CheckContext, type Finding } from './types';

export default defineCheck({
	id: 'bot',
	version: 2,
	title: 'Bots and random responders',
	description:
		'Answers that look random. A permutation test per respondent (Ilagan & Falk 2024) asks whether shuffling their answers across the items of each grid makes them any less typical; a logistic model then weighs it with the answer pattern, trained to tell this survey’s respondents from simulated random responders answering the same grids. The finding gives the probability and the features that weigh most.',
	category: 'fraud',
	severity: 'warning',
	needs: ['grids'],
	params: {
		sensitivity: {
			type: 'number',
			// on real bfi answers with injected bots (seed not tuned on): 0.88 flags 4.x % of the real people and ~88 % of bots
			default: 0.88,
			min: 0.5,
			max: 0.999,
			description: 'share of simulated random responders to catch; the rest of the risk falls on attentive respondents with flat answers'
		},
		minItems: { type: 'number', default: 5, min: 3, description: 'only grids with at least this many items' },
		permutations: { type: 'number', default: 200, min: 20, max: 5000, description: 'shuffles per respondent' },
		seed: { type: 'number', default: 1, description: 'seed of the shuffles and simulated responders, for reproducible results' },
		fast: {
			type: 'number',
			default: 0.5,
			min: 0,
			max: 1,
			description: 'random-looking answers given in under this fraction of the median duration are an error'
		},
		// the reviewer layer (engine/bot/reviewer-calibration.ts), written by the Checks page when it learns from decisions
		learnedFrom: { type: 'number', default: 0, min: 0, description: 'reviewer decisions the probability was recalibrated on (0: none)' },
		learnedIntercept: { type: 'number', default: 0, description: 'reviewer layer: intercept' },
		learnedScore: { type: 'number', default: 0, description: 'reviewer layer: weight of the model score' },
		learnedP: { type: 'number', default: 0, description: 'reviewer layer: weight of the permutation p-value (logit)' }
	},
	async run(ctx) {
		const test = await randomResponding(ctx, {
			minItems: num(ctx.params.minItems),
			permutations: num(ctx.params.permutations),
			seed: num(ctx.params.seed)
		});
		if (!test) return [];
		const n = test.rows.length;
		const bots = botScores(test.blocks, test, n, {
			sensitivity: num(ctx.params.sensitivity),
			permutations: num(ctx.params.permutations),
			seed: num(ctx.params.seed),
			minAnswered: Math.ceil(num(ctx.params.minItems) / 2)
		});
		const medianDistance = medianOf(bots.evidence, EVIDENCE.indexOf('log_distance'), n);
		const speed = await durationRatios(ctx);
		const learned = num(ctx.params.learnedFrom) > 0 ? layer(ctx) : null;
		const out: Finding[] = [];
		for (let i = 0; i < n; i++) {
			if (!(bots.score[i] >= bots.threshold)) continue;
			const p = test.p[i];
			const probability = learned ? reviewerProbability(learned, bots.score[i], p) : bots.probability[i];
			// reviewers' keeps lower the probability; below even odds the respondent is no longer flagged, but the evidence stays for the next refit
			const kept = learned !== null && probability < 0.5;
			const ratio = speed?.get(test.rows[i]) ?? NaN;
			const fast = ratio < num(ctx.params.fast);
			const reasons = botReasons(bots.model, bots.evidence, i, { p, medianDistance }).map((r) => r.text);
			if (fast) reasons.push(`finished in ${fmt(ratio)} × the median`);
			out.push(
				about(ctx, 'bot', test.rows[i], {
					severity: kept ? 'info' : fast ? 'error' : 'warning',
					score: Math.min(1, probability + (fast ? 0.25 : 0)),
					message: `${kept ? 'not flagged: reviewers kept respondents like this; ' : ''}answers look random (probability ${fmt(probability)}${learned ? `, recalibrated on ${learned.decisions} reviewer decisions` : ''}): ${reasons.join('; ')}`,
					evidence: {
						probability,
						pValue: p,
						reasons,
						score: bots.score[i],
						threshold: bots.threshold,
						prevalence: bots.prevalence,
						answers: test.answered[i],
						features: Object.fromEntries(EVIDENCE.map((f, j) => [f, finite(bots.evidence[i * EVIDENCE.length + j])])),
						grids: test.grids,
						durationRatio: finite(ratio)
					}
				})
			);
		}
		return out;
	}
});

function layer(ctx: CheckContext): ReviewerCalibration {
	const p = ctx.params;
	return { intercept: num(p.learnedIntercept), score: num(p.learnedScore), p: num(p.learnedP), decisions: num(p.learnedFrom) };
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** exp(median of a log feature) over the respondents who have it. */
function medianOf(evidence: Float64Array, column: number, n: number): number {
	const v: number[] = [];
	for (let i = 0; i < n; i++) {
		const x = evidence[i * EVIDENCE.length + column];
		if (Number.isFinite(x)) v.push(x);
	}
	v.sort((a, b) => a - b);
	return v.length ? Math.exp(v[Math.floor(v.length / 2)]) : NaN;
}

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
