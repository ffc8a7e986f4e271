import type { CarelessResult } from '../careless';
import { pearson } from '../careless/pearson';
import { answerPattern } from './evidence';
import type { PermutationResult } from './permutation-test';

/** The bot model's inputs, in this order (wasm-models/bot.md describes each). */
export const BOT_FEATURES = [
	'perm_z',
	'perm_p',
	'mahad_per_item',
	'irv_rel',
	'longstring_share',
	'entropy',
	'person_total_r',
	'midpoint_share',
	'extreme_share',
	'log_duration_ratio',
	'duration_missing'
] as const;

export type BotFeature = (typeof BOT_FEATURES)[number];

export interface FeatureGrid {
	/** Row-major n × k answers, NaN = missing. */
	matrix: Float64Array;
	k: number;
	scale: [number, number];
	careless: CarelessResult;
	/** Item means over all respondents. */
	means: Float64Array;
}

/**
 * Per respondent, the features of BOT_FEATURES averaged over the grids (longstring: the longest
 * share). A feature that cannot be computed is 0, and a missing duration is 0 with
 * `duration_missing` = 1, which is how the model saw such respondents in training.
 */
export function botFeatures(grids: FeatureGrid[], perm: PermutationResult, n: number, duration: Float64Array | null): Float32Array {
	const f = BOT_FEATURES.length;
	const out = new Float32Array(n * f);
	const medianDuration = duration ? median(duration) : NaN;
	const row = new Float64Array(Math.max(1, ...grids.map((g) => g.k)));
	for (let r = 0; r < n; r++) {
		const sums = new Float64Array(f);
		const counts = new Float64Array(f);
		const add = (i: number, v: number) => {
			if (Number.isFinite(v)) {
				sums[i] += v;
				counts[i]++;
			}
		};
		for (const g of grids) {
			const [lo, hi] = g.scale;
			const c = g.careless;
			add(2, c.mahad.values[r] / g.k);
			add(3, c.irv.values[r] / Math.max(1, (hi - lo) / 2));
			for (let j = 0; j < g.k; j++) row[j] = g.matrix[r * g.k + j];
			const a = answerPattern(row, g.k, g.scale);
			if (!a.answered) continue;
			sums[4] = Math.max(sums[4], c.longstring.values[r] / g.k || 0);
			counts[4] = 1;
			add(5, a.entropy);
			add(6, pearson(row, g.means, g.k));
			add(7, a.midpoint / a.answered);
			add(8, a.extreme / a.answered);
		}
		for (let i = 2; i <= 8; i++) out[r * f + i] = counts[i] ? sums[i] / counts[i] : 0;
		out[r * f] = Number.isFinite(perm.z[r]) ? perm.z[r] : 0;
		out[r * f + 1] = Number.isFinite(perm.p[r]) ? perm.p[r] : 1;
		const d = duration?.[r] ?? NaN;
		const known = d > 0 && medianDuration > 0;
		out[r * f + 9] = known ? Math.log(d / medianDuration) : 0;
		out[r * f + 10] = known ? 0 : 1;
	}
	return out;
}

function median(x: Float64Array): number {
	const v = Array.from(x)
		.filter((y) => y > 0)
		.sort((a, b) => a - b);
	return v.length ? v[Math.floor(v.length / 2)] : NaN;
}
