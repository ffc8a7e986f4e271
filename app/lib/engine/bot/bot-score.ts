import { EVIDENCE, evidenceRows, type EvidenceBlock } from './evidence';
import { fitLogistic, logOdds, logit, sigmoid, type Logistic } from './logistic';
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
	/** Per respondent, P(random responder) at the share of them estimated in the data. */
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
 * where `sensitivity` of the simulated responders are caught; the probability uses the share of
 * random responders the score itself estimates in the data (Saerens et al. 2002).
 * @example const s = botScores(blocks, perm, n, { sensitivity: 0.88, permutations: 200, seed: 1 });
 */
export function botScores(blocks: EvidenceBlock[], perm: PermutationResult, n: number, opts: BotScoreOptions): BotScores {
	const m = opts.simulated ?? 900;
	const evidence = evidenceRows(blocks, perm, n);
	const sim = simulatedBlocks(blocks, m, (opts.seed ?? 1) + 7919);
	const simEvidence = evidenceRows(sim, permutationTest(sim, m, { ...opts, seed: (opts.seed ?? 1) + 104729 }), m);
	const model = contrast(evidence, perm.answered, simEvidence, n, m);
	const score = scoreRows(model, evidence, perm.answered, n);
	const simulatedScores = scoreRows(model, simEvidence, new Int32Array(m).fill(1), m).sort();
	const threshold = simulatedScores[Math.min(m - 1, Math.floor((1 - opts.sensitivity) * m))];
	const prevalence = estimatePrevalence(score);
	const probability = score.map((s) => (Number.isFinite(s) ? sigmoid(s + logit(prevalence)) : NaN));
	return { evidence, score, threshold, probability, prevalence, model, simulatedScores };
}

const D = EVIDENCE.length;

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

/** EM for the prior of a classifier trained at even odds: π ← mean P(bot | x, π). */
function estimatePrevalence(score: Float64Array): number {
	let pi = 0.05;
	for (let it = 0; it < 100; it++) {
		let sum = 0;
		let count = 0;
		for (const s of score)
			if (Number.isFinite(s)) {
				sum += sigmoid(s + logit(pi));
				count++;
			}
		const next = Math.min(0.5, Math.max(0.001, count ? sum / count : pi));
		if (Math.abs(next - pi) < 1e-6) break;
		pi = next;
	}
	return pi;
}
