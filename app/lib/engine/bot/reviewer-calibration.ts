import { fitLogistic, logit, sigmoid } from './logistic';

/** A respondent the bot check scored and a reviewer decided on. */
export interface ReviewedBot {
	/** The check's log-odds score and permutation p-value (finding evidence). */
	score: number;
	pValue: number;
	/** Whether the current run flags them (a warning or error, not an info). */
	flagged: boolean;
	exclude: boolean;
}

/** P(exclude) = σ(intercept + score · s + p · logit(p-value)): the layer the check applies when `learnedFrom` > 0. */
export interface ReviewerCalibration {
	intercept: number;
	score: number;
	p: number;
	/** Decisions it was fitted on. */
	decisions: number;
}

export interface Precision {
	flagged: number;
	excluded: number;
	/** Share of the flagged that reviewers excluded; null when none are flagged. */
	precision: number | null;
}

export interface Learning {
	decisions: number;
	excluded: number;
	calibration: ReviewerCalibration | null;
	/** Why there is no calibration yet. */
	reason?: string;
	/** Precision over the decided respondents as the current run flags them. */
	before: Precision;
	/** The same with the calibration, each decision predicted by a fit without it (leave-one-out). */
	after: Precision | null;
}

export const MIN_DECISIONS = 10;
const MIN_EACH = 2;

const logitP = (p: number) => logit(Math.min(0.999, Math.max(0.001, p)));

export function reviewerProbability(c: Pick<ReviewerCalibration, 'intercept' | 'score' | 'p'>, score: number, pValue: number): number {
	return sigmoid(c.intercept + c.score * score + c.p * logitP(pValue));
}

/**
 * Refits the reviewer layer on keep / exclude decisions about respondents the bot check scored:
 * a ridge logistic regression on the check's score and the p-value, which with few decisions
 * stays flat (the reviewers' exclusion rate). Needs MIN_DECISIONS, at least two of each kind.
 * @example const l = learnFromReviewers([{ score: 2.1, pValue: 0.6, flagged: true, exclude: true }, ...]);
 */
export function learnFromReviewers(reviewed: readonly ReviewedBot[]): Learning {
	const excluded = reviewed.filter((r) => r.exclude).length;
	const before = precisionOf(reviewed, (r) => r.flagged);
	const base = { decisions: reviewed.length, excluded, before };
	if (reviewed.length < MIN_DECISIONS || excluded < MIN_EACH || reviewed.length - excluded < MIN_EACH)
		return {
			...base,
			calibration: null,
			after: null,
			reason: `needs ${MIN_DECISIONS} decisions on bot-flagged respondents with at least ${MIN_EACH} kept and ${MIN_EACH} excluded (has ${reviewed.length - excluded} kept, ${excluded} excluded)`
		};
	const calibration = fit(reviewed);
	const held = reviewed.map((r, i) => reviewerProbability(fit(reviewed.filter((_, j) => j !== i)), r.score, r.pValue) >= 0.5);
	return { ...base, calibration, after: precisionOf(reviewed, (_, i) => held[i]) };
}

function fit(reviewed: readonly ReviewedBot[]): ReviewerCalibration {
	const x = Float64Array.from(reviewed.flatMap((r) => [r.score, logitP(r.pValue)]));
	const y = reviewed.map((r) => (r.exclude ? 1 : 0));
	const m = fitLogistic(x, y, new Float64Array(reviewed.length).fill(1), 2, { l2: 1 });
	const score = m.coef[0] / m.sd[0];
	const p = m.coef[1] / m.sd[1];
	return { intercept: m.intercept - score * m.mean[0] - p * m.mean[1], score, p, decisions: reviewed.length };
}

function precisionOf(reviewed: readonly ReviewedBot[], flagged: (r: ReviewedBot, i: number) => boolean): Precision {
	let n = 0;
	let excluded = 0;
	reviewed.forEach((r, i) => {
		if (!flagged(r, i)) return;
		n++;
		if (r.exclude) excluded++;
	});
	return { flagged: n, excluded, precision: n ? excluded / n : null };
}
