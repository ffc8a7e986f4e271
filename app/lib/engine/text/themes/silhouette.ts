import { rowDot, type TermMatrix } from './term-matrix';
import type { Clustering } from './kmeans';

/**
 * Simplified silhouette (Hruschka et al. 2004) in cosine distance, respondent-weighted: for each
 * answer, how much nearer it is to its own theme's centre than to the next theme's (1 clean, 0
 * blurred). Centres instead of all pairs keep it linear in the answers.
 */
export function silhouette(m: TermMatrix, c: Clustering): number {
	const v = m.vocab.length;
	let total = 0;
	let weight = 0;
	for (let d = 0; d < c.assign.length; d++) {
		const own = c.assign[d];
		if (own < 0) continue;
		const a = 1 - rowDot(m, d, c.centroids, own * v);
		let b = Infinity;
		for (let j = 0; j < c.k; j++) if (j !== own) b = Math.min(b, 1 - rowDot(m, d, c.centroids, j * v));
		const w = m.weights[d];
		weight += w;
		if (Number.isFinite(b)) total += (w * (b - a)) / Math.max(a, b, 1e-12);
	}
	return weight ? total / weight : 0;
}
