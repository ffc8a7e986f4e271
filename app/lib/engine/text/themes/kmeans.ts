import type { Rng } from '../../../demo/rng';
import { rowDot, type TermMatrix } from './term-matrix';

export interface Clustering {
	k: number;
	/** k unit vectors of the matrix's width, one after another. */
	centroids: Float64Array;
	/** Cluster of each row; −1 for a row with no terms. */
	assign: Int32Array;
	/** Respondent-weighted sum of each row's cosine with its centre: higher is tighter. */
	cohesion: number;
}

const empty = (m: TermMatrix, d: number) => m.indptr[d] === m.indptr[d + 1];

/** Nearest centre of a unit vector given by its term ids and values, and its cosine (−1, 0 when it has no terms). */
export function nearestVector(ids: readonly number[], values: readonly number[], c: Clustering, width: number): [number, number] {
	if (ids.length === 0) return [-1, 0];
	let best = -1;
	let cos = -Infinity;
	for (let j = 0; j < c.k; j++) {
		let s = 0;
		for (let p = 0; p < ids.length; p++) s += values[p] * c.centroids[j * width + ids[p]];
		if (s > cos) [best, cos] = [j, s];
	}
	return [best, cos];
}

/** Nearest centroid of row `d` and its cosine (−1, 0 for a row with no terms). */
export function nearest(m: TermMatrix, d: number, c: Clustering): [number, number] {
	if (empty(m, d)) return [-1, 0];
	const v = m.vocab.length;
	let best = -1;
	let cos = -Infinity;
	for (let j = 0; j < c.k; j++) {
		const s = rowDot(m, d, c.centroids, j * v);
		if (s > cos) [best, cos] = [j, s];
	}
	return [best, cos];
}

/**
 * Spherical k-means (cosine) over the matrix's rows, respondent-weighted, seeded by k-means++ so
 * one seed always gives one clustering.
 */
export function sphericalKMeans(m: TermMatrix, k: number, rng: Rng, iterations = 25): Clustering {
	const v = m.vocab.length;
	const n = m.weights.length;
	const live = Int32Array.from({ length: n }, (_, d) => d).filter((d) => !empty(m, d));
	const c: Clustering = { k, centroids: new Float64Array(k * v), assign: new Int32Array(n).fill(-1), cohesion: 0 };
	if (live.length === 0 || v === 0) return { ...c, k: 0 };
	seed(m, live, c, rng);
	for (let it = 0; it < iterations; it++) {
		let moved = 0;
		c.cohesion = 0;
		for (const d of live) {
			const [j, cos] = nearest(m, d, c);
			if (c.assign[d] !== j) moved++;
			c.assign[d] = j;
			c.cohesion += m.weights[d] * cos;
		}
		if (moved === 0) break;
		recentre(m, c);
	}
	return c;
}

function seed(m: TermMatrix, live: Int32Array, c: Clustering, rng: Rng): void {
	const v = m.vocab.length;
	const far = new Float64Array(live.length).fill(1);
	for (let j = 0; j < c.k; j++) {
		const weights = Array.from(live, (d, i) => m.weights[d] * far[i]);
		const pick = weights.some((w) => w > 0) ? live[rng.weighted(weights)] : live[rng.int(0, live.length - 1)];
		for (let p = m.indptr[pick]; p < m.indptr[pick + 1]; p++) c.centroids[j * v + m.indices[p]] = m.values[p];
		for (let i = 0; i < live.length; i++) far[i] = Math.min(far[i], Math.max(0, 1 - rowDot(m, live[i], c.centroids, j * v)));
	}
}

function recentre(m: TermMatrix, c: Clustering): void {
	const v = m.vocab.length;
	const next = new Float64Array(c.k * v);
	for (let d = 0; d < c.assign.length; d++) {
		const j = c.assign[d];
		if (j < 0) continue;
		for (let p = m.indptr[d]; p < m.indptr[d + 1]; p++) next[j * v + m.indices[p]] += m.weights[d] * m.values[p];
	}
	for (let j = 0; j < c.k; j++) {
		let norm = 0;
		for (let t = 0; t < v; t++) norm += next[j * v + t] ** 2;
		norm = Math.sqrt(norm);
		// a centroid that lost every row keeps its place rather than vanishing
		if (norm === 0) continue;
		for (let t = 0; t < v; t++) c.centroids[j * v + t] = next[j * v + t] / norm;
	}
}
