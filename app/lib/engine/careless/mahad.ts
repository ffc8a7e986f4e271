import { chiSquareQuantile } from './chi-square';
import { createIndexColumn, setAllNull, setNull } from './index-column';
import { invertMatrix } from './invert';
import { pairwiseCovariance, type PairwiseMoments } from './pairwise';
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
export function mahad(
	matrix: Float64Array,
	n: number,
	k: number,
	moments: PairwiseMoments,
	confidence = 0.99
): MahadResult {
	const out = createIndexColumn(n);
	const flagged = new Uint8Array(n);
	const cutoff = chiSquareQuantile(confidence, k);
	if (k === 0) {
		setAllNull(out, 'the grid has no items');
		return { mahad: out, flagged, cutoff };
	}
	const cov = pairwiseCovariance(moments);
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
	const inv = inverted.inverse;
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
		for (let j = 0; j < k; j++) {
			const dj = d[j];
			if (dj === 0) continue;
			let s = 0;
			for (let i = 0; i < k; i++) s += d[i] * inv[i * k + j];
			d2 += s * dj;
		}
		out.values[r] = d2;
		if (d2 > cutoff) flagged[r] = 1;
	}
	return { mahad: out, flagged, cutoff };
}

function columnMeans(matrix: Float64Array, n: number, k: number): Float64Array {
	const sum = new Float64Array(k);
	const count = new Float64Array(k);
	for (let r = 0; r < n; r++) {
		const base = r * k;
		for (let j = 0; j < k; j++) {
			const v = matrix[base + j];
			if (v === v) {
				sum[j] += v;
				count[j]++;
			}
		}
	}
	for (let j = 0; j < k; j++) sum[j] /= count[j];
	return sum;
}
