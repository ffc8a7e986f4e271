import type { Rng } from './rng';

/** How a simulated bot fills a grid: the kinds the bot model is trained and evaluated on. */
export const RANDOM_ANSWER_KINDS = ['uniform', 'mid-range', 'biased', 'patterned'] as const;

export type RandomAnswerKind = (typeof RANDOM_ANSWER_KINDS)[number];

/**
 * One bot's answers to a grid of `k` items on the scale [lo, hi]: uniform over the scale, uniform
 * over its middle (every option but the two ends), drawn from a skewed distribution of the bot's
 * own (a random Dirichlet(1) over the options), or a repeating zigzag pattern.
 */
export function randomAnswers(kind: RandomAnswerKind, k: number, [lo, hi]: [number, number], r: Rng): number[] {
	if (kind === 'uniform') return Array.from({ length: k }, () => r.int(lo, hi));
	if (kind === 'mid-range') return Array.from({ length: k }, () => r.int(lo + 1, hi - 1));
	if (kind === 'biased') {
		const weights = Array.from({ length: hi - lo + 1 }, () => -Math.log(1 - r.next()));
		return Array.from({ length: k }, () => lo + r.weighted(weights));
	}
	const step = r.int(1, 2);
	const start = r.int(lo, hi);
	const span = hi - lo;
	return Array.from({ length: k }, (_, i) => {
		const pos = (start - lo + i * step) % (2 * span);
		return lo + (pos <= span ? pos : 2 * span - pos);
	});
}
