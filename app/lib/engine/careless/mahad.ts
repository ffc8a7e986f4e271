import { chiSquareQuantile } from './chi-square';
import { createIndexColumn, setAllNull, setNull } from './index-column';
import { invertMatrix } from './invert';
import { columnMeans, type PairwiseMoments } from './pairwise';
import type { IndexColumn } from './types';

export interface MahadResult {
	mahad: IndexColumn;
	flagged: Uint8Array;
	cutoff: number;
}

/**
 * Mahalanobis D² as psych::outlier computes it (via careless::mahad): pairwise-complete covariance,
 * deviations from the column means, and a missing answer contributing zero deviation.
 */
export function mahad(matrix: Float64Array, n: number, k: number, moments: PairwiseMoments, confidence = 0.99): MahadResult {
	const out = createIndexColumn(n);
	const flagged = new Uint8Array(n);
	const cutoff = chiSquareQuantile(confidence, k);
	if (k === 0) {
		setAllNull(out, 'the grid has no items');
		return { mahad: out, flagged, cutoff };
	}
	const cov = moments.covariance;
	for (let p = 0; p < k * k; p++) {
		if (Number.isNaN(cov[p])) {
			const i = Math.floor(p / k);
			const j = p % k;
			setAllNull(
				out,
				i === j
					? `item ${i + 1} has fewer than 2 answers, so its variance is unknown`
					: `items ${i + 1} and ${j + 1} are answered together by fewer than 2 respondents`
			);
			return { mahad: out, flagged, cutoff };
		}
	}
	const inverted = invertMatrix(cov, k);
	if ('reason' in inverted) {
		setAllNull(out, `covariance of the items cannot be inverted: ${inverted.reason}`);
		return { mahad: out, flagged, cutoff };
	}
	const inv = symmetric(inverted.inverse, k);
	const means = columnMeans(matrix, n, k);
	const d = new Float64Array(k);
	for (let r = 0; r < n; r++) {
		const base = r * k;
		let answered = 0;
		for (let j = 0; j < k; j++) {
			const v = matrix[base + j];
			if (v === v) {
				d[j] = v - means[j];
				answered++;
			} else d[j] = 0;
		}
		if (answered === 0) {
			setNull(out, r, 'no answers in the grid');
			continue;
		}
		let d2 = 0;
		for (let i = 0; i < k; i++) {
			const di = d[i];
			if (di === 0) continue;
			const o = i * k;
			let s = 0;
			for (let j = i + 1; j < k; j++) s += inv[o + j] * d[j];
			d2 += di * (inv[o + i] * di + 2 * s);
		}
		out.values[r] = d2;
		if (d2 > cutoff) flagged[r] = 1;
	}
	return { mahad: out, flagged, cutoff };
}

/** The quadratic form only needs (A + Aᵀ)/2; averaging removes the inverse's rounding asymmetry. */
function symmetric(a: Float64Array, k: number): Float64Array {
	const out = new Float64Array(k * k);
	for (let i = 0; i < k; i++) {
		for (let j = 0; j < k; j++) out[i * k + j] = (a[i * k + j] + a[j * k + i]) / 2;
	}
	return out;
}
