import { EVIDENCE, evidenceRows, type EvidenceBlock } from './evidence';
import { fitLogistic, logOdds, type Logistic } from './logistic';
import { permutationTest, type PermutationOptions, type PermutationResult } from './permutation-test';
import { simulatedBlocks } from './simulated-bots';

export interface BotScoreOptions extends PermutationOptions {
	/** Share of the simulated random responders whose score must reach the threshold. The permutation options must be those `perm` was computed with. */
	sensitivity: number;
	/** Simulated random responders to contrast with (default 900). */
	simulated?: number;
}

/** The contrast model, and the value each feature takes where a respondent lacks it. */
export interface BotModel {
	logistic: Logistic;
	fill: number[];
}

export interface BotScores {
	/** Per respondent (row-major, EVIDENCE order), NaN where it could not be computed. */
	evidence: Float64Array;
	/** Per respondent, log-odds of "random responder" against "this survey's respondents" at even odds. */
	score: Float64Array;
	/** Scores at or above it are flagged: the simulated responders' (1 − sensitivity) quantile. */
	threshold: number;
	/** Per respondent, P(random responder) given the share of them estimated in the data. */
	probability: Float64Array;
	/** That share. */
	prevalence: number;
	model: BotModel;
	/** The simulated responders' scores, ascending (what a threshold would catch of them). */
	simulatedScores: Float64Array;
}

/**
 * The bot score: a logistic regression that tells this survey's respondents (nearly all human)
 * from simulated random responders answering the same grids, on the permutation test's z and
 * distance and on answer-pattern evidence. No training data is needed and the "human" side is the
 * survey's own people, so the model adapts to each questionnaire and population. The threshold is
 * where `sensitivity` of the simulated responders are caught. As the model contrasts the simulated
 * responders with all the data (bots included), its odds are b(x) / f(x), and P(bot | x) = π b / f
 * with π the share of random responders estimated from the upper tail (Elkan & Noto 2008).
 * @example const s = botScores(blocks, perm, n, { sensitivity: 0.88, permutations: 200, seed: 1 });
 */
export function botScores(blocks: EvidenceBlock[], perm: PermutationResult, n: number, opts: BotScoreOptions): BotScores {
	const m = opts.simulated ?? 900;
	const evidence = evidenceRows(blocks, perm, n);
	// streams of their own (offset by primes), so the simulated answers and shuffles do not repeat the respondents' shuffles
	const sim = simulatedBlocks(blocks, m, (opts.seed ?? 1) + 7919);
	const simEvidence = evidenceRows(sim, permutationTest(sim, m, { ...opts, seed: (opts.seed ?? 1) + 104729 }), m);
	const model = contrast(evidence, perm.answered, simEvidence, n, m);
	const score = scoreRows(model, evidence, perm.answered, n);
	const simulatedScores = scoreRows(model, simEvidence, new Int32Array(m).fill(1), m).sort();
	const threshold = simulatedScores[Math.min(m - 1, Math.floor((1 - opts.sensitivity) * m))];
	const prevalence = estimatePrevalence(score, simulatedScores);
	// the model's log-odds at even odds estimate log(b(x) / f(x)), bots against all the data (humans and bots), so P(bot | x) = π b / f;
	// a linear model overshoots far out in the tail, where no respondent should read as certain
	const probability = score.map((s) => (Number.isFinite(s) ? Math.min(MAX_PROBABILITY, prevalence * Math.exp(s)) : NaN));
	return { evidence, score, threshold, probability, prevalence, model, simulatedScores };
}

const D = EVIDENCE.length;
const MAX_PROBABILITY = 0.99;

/** Column means of the finite values: what a missing feature is replaced by (it then weighs nothing). */
function fillValues(x: Float64Array, rows: number): Float64Array {
	const sum = new Float64Array(D);
	const count = new Float64Array(D);
	for (let i = 0; i < rows; i++)
		for (let j = 0; j < D; j++) {
			const v = x[i * D + j];
			if (Number.isFinite(v)) {
				sum[j] += v;
				count[j]++;
			}
		}
	return sum.map((s, j) => (count[j] ? s / count[j] : 0));
}

function contrast(real: Float64Array, answered: Int32Array, sim: Float64Array, n: number, m: number): BotModel {
	const fill = fillValues(real, n);
	const tested: number[] = [];
	for (let i = 0; i < n; i++) if (answered[i] > 0) tested.push(i);
	// one human in 50 000 is enough to know what they look like; the fit then stays fast at a million
	const step = Math.max(1, Math.floor(tested.length / 50000));
	const rows = tested.filter((_, i) => i % step === 0);
	const x = new Float64Array((rows.length + m) * D);
	const y = new Float64Array(rows.length + m);
	const w = new Float64Array(rows.length + m);
	const put = (src: Float64Array, i: number, at: number) => {
		for (let j = 0; j < D; j++) {
			const v = src[i * D + j];
			x[at * D + j] = Number.isFinite(v) ? v : fill[j];
		}
	};
	rows.forEach((i, at) => {
		put(real, i, at);
		w[at] = (rows.length + m) / (2 * rows.length);
	});
	for (let i = 0; i < m; i++) {
		put(sim, i, rows.length + i);
		y[rows.length + i] = 1;
		w[rows.length + i] = (rows.length + m) / (2 * m);
	}
	return { logistic: fitLogistic(x, y, w, D, { l2: 1 }), fill: Array.from(fill) };
}

function scoreRows({ logistic, fill }: BotModel, x: Float64Array, answered: Int32Array, rows: number): Float64Array {
	const row = new Float64Array(D);
	const out = new Float64Array(rows).fill(NaN);
	for (let i = 0; i < rows; i++) {
		if (!(answered[i] > 0)) continue;
		for (let j = 0; j < D; j++) {
			const v = x[i * D + j];
			row[j] = Number.isFinite(v) ? v : fill[j];
		}
		out[i] = logOdds(logistic, row);
	}
	return out;
}

/**
 * The share of random responders in the data: above a score that a share `1 − q` of the simulated
 * ones reach, the data hold at least π(1 − q) of their rows, so π ≤ (data share above) / (1 − q).
 * The smallest of these bounds over the upper half of the simulated scores, where few humans are.
 */
function estimatePrevalence(score: Float64Array, simulated: Float64Array): number {
	let count = 0;
	for (const s of score) if (Number.isFinite(s)) count++;
	let best = 1;
	for (const q of [0.5, 0.6, 0.7, 0.8]) {
		const t = simulated[Math.floor(q * simulated.length)];
		let above = 0;
		for (const s of score) if (s >= t) above++;
		best = Math.min(best, count ? above / count / (1 - q) : 1);
	}
	return Math.max(0.001, best);
}
