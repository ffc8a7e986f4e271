import { randomAnswers, type RandomAnswerKind } from './random-answers';
import { createRng, type Rng } from './rng';

export interface FactorGrid {
	name: string;
	items: number;
	scale: [number, number];
	/** Latent traits the items load on; items are dealt to them in turn. */
	factors: number;
}

export interface FactorSurveyOptions {
	rows: number;
	seed: number;
	grids: FactorGrid[];
	/** Share of respondents replaced by random responders, dealt round-robin over `kinds`. */
	botShare: number;
	kinds: readonly RandomAnswerKind[];
	/** Share of humans who lose attention: each answer is a random one with probability 0.2. */
	carelessShare?: number;
}

export interface FactorSurvey {
	/** Per grid, row-major rows × items answers. */
	answers: Float64Array[];
	/** Per respondent, the bot kind or null for a human. */
	kind: (RandomAnswerKind | null)[];
	careless: Uint8Array;
}

/** SD of the items' intercepts: their means then spread like psychTools::bfi's (SD of item means ≈ 0.6 item SDs). */
const ITEM_SPREAD = 0.7;

const Z_THRESHOLDS = (categories: number) => Array.from({ length: categories - 1 }, (_, i) => normalQuantile((i + 1) / categories) * 1.1);

/**
 * A questionnaire answered by humans under a graded factor model (each item loads 0.5–0.85 on one
 * trait, a third are worded in reverse, intercepts vary, and each person has a response style), with
 * random responders planted among them: the planted survey of the bot check's tests and model.
 */
export function factorSurvey(opts: FactorSurveyOptions): FactorSurvey {
	const r = createRng(opts.seed);
	const designs = opts.grids.map((g) => design(g, r));
	const answers = opts.grids.map((g) => new Float64Array(opts.rows * g.items));
	const kind: (RandomAnswerKind | null)[] = new Array(opts.rows).fill(null);
	const careless = new Uint8Array(opts.rows);
	let bots = 0;
	for (let i = 0; i < opts.rows; i++) {
		const botKind = opts.kinds.length && r.chance(opts.botShare) ? opts.kinds[bots++ % opts.kinds.length] : null;
		kind[i] = botKind;
		careless[i] = !botKind && r.chance(opts.carelessShare ?? 0) ? 1 : 0;
		const spread = 0.7 + 0.6 * r.next();
		const shift = 0.4 * r.normal();
		opts.grids.forEach((g, gi) => {
			const row = botKind ? randomAnswers(botKind, g.items, g.scale, r) : human(designs[gi], g, r, spread, shift, careless[i] === 1);
			answers[gi].set(row, i * g.items);
		});
	}
	return { answers, kind, careless };
}

interface Design {
	factor: number[];
	loading: number[];
	sign: number[];
	intercept: number[];
	thresholds: number[];
}

function design(g: FactorGrid, r: Rng): Design {
	const idx = Array.from({ length: g.items }, (_, j) => j);
	return {
		factor: idx.map((j) => j % g.factors),
		loading: idx.map(() => r.uniform(0.5, 0.85)),
		sign: idx.map((j) => (j % 3 === 2 ? -1 : 1)),
		intercept: idx.map(() => ITEM_SPREAD * r.normal()),
		thresholds: Z_THRESHOLDS(g.scale[1] - g.scale[0] + 1)
	};
}

function human(d: Design, g: FactorGrid, r: Rng, spread: number, shift: number, careless: boolean): number[] {
	const traits = Array.from({ length: g.factors }, () => r.normal());
	return d.loading.map((l, j) => {
		if (careless && r.chance(0.2)) return r.int(g.scale[0], g.scale[1]);
		const y = (d.sign[j] * l * traits[d.factor[j]] + d.intercept[j] + Math.sqrt(1 - l * l) * r.normal()) * spread + shift;
		let c = g.scale[0];
		for (const t of d.thresholds) if (y > t) c++;
		return c;
	});
}

/** Acklam's rational approximation of the standard normal quantile (|error| < 1.2e-9). */
function normalQuantile(p: number): number {
	const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
	const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
	const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
	const dd = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
	const tail = (q: number) =>
		(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((dd[0] * q + dd[1]) * q + dd[2]) * q + dd[3]) * q + 1);
	if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
	if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
	const q = p - 0.5;
	const s = q * q;
	return (
		((((((a[0] * s + a[1]) * s + a[2]) * s + a[3]) * s + a[4]) * s + a[5]) * q) /
		(((((b[0] * s + b[1]) * s + b[2]) * s + b[3]) * s + b[4]) * s + 1)
	);
}
