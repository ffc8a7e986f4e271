import { fmt, pct } from '../checks/finding';
import type { BotModel } from './bot-score';
import { EVIDENCE, type Evidence } from './evidence';

export interface Reason {
	feature: Evidence;
	/** How much the feature moved the log-odds towards "random responder". */
	weight: number;
	text: string;
}

/** Each feature in words, given its value and whether it is above the survey's respondents' average. */
const WORDS: Record<Evidence, (v: number, high: boolean, ctx: { p: number; medianDistance: number }) => string> = {
	perm_z: (_v, _h, { p }) => `shuffled across the items they are just as typical (permutation p = ${fmt(p)})`,
	log_distance: (v, high, { medianDistance }) =>
		`${high ? 'far from' : 'close to'} the typical answers (${fmt(Math.exp(v) / medianDistance)} × the median distance)`,
	person_total_r: (v, high) => `${high ? 'strong' : 'little'} correlation with the average answers (r = ${fmt(v)})`,
	irv_rel: (v, high) => `${high ? 'wide' : 'narrow'} spread of answers (${fmt(v)} of half the scale)`,
	entropy: (v, high) => `${high ? 'many' : 'few'} different options used (entropy ${fmt(v)} of the maximum)`,
	longstring_share: (v) => `longest run of one answer covers ${pct(v)} of the items`,
	midpoint_share: (v) => `${pct(v)} of answers at the midpoint`,
	extreme_share: (v) => `${pct(v)} of answers at the ends of the scale`
};

/**
 * The two or three features that weigh most towards "random responder" for one respondent
 * (standardised value × coefficient), strongest first.
 */
export function botReasons(
	model: BotModel,
	evidence: Float64Array,
	row: number,
	ctx: { p: number; medianDistance: number },
	count = 3
): Reason[] {
	const { coef, mean, sd } = model.logistic;
	const typical = model.fill;
	const d = EVIDENCE.length;
	const all: Reason[] = [];
	for (let j = 0; j < d; j++) {
		const v = evidence[row * d + j];
		if (!Number.isFinite(v)) continue;
		const weight = (coef[j] * (v - mean[j])) / sd[j];
		if (!(weight > 0)) continue;
		all.push({ feature: EVIDENCE[j], weight, text: WORDS[EVIDENCE[j]](v, v > typical[j], ctx) });
	}
	return all.sort((a, b) => b.weight - a.weight).slice(0, count);
}
