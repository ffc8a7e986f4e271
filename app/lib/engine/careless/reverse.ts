import type { PairwiseMoments } from './pairwise';

/** Item j is read as offset[j] + sign[j] × x: min + max − x for reversed items, x otherwise. */
export interface Recoding {
	offset: Float64Array;
	sign: Float64Array;
}

export function recoding(k: number, reversed: number[], scale: [number, number] | undefined): Recoding {
	const offset = new Float64Array(k);
	const sign = new Float64Array(k).fill(1);
	if (scale) {
		for (const j of reversed) {
			offset[j] = scale[0] + scale[1];
			sign[j] = -1;
		}
	}
	return { offset, sign };
}

/**
 * Moments of the recoded items without another pass: reversing an item flips the sign of its
 * covariances and correlations with items not reversed; variances stay as they are.
 */
export function recodeMoments(m: PairwiseMoments, rec: Recoding): PairwiseMoments {
	const k = m.k;
	if (rec.sign.every((s) => s === 1)) return m;
	const covariance = Float64Array.from(m.covariance);
	const correlation = Float64Array.from(m.correlation);
	for (let i = 0; i < k; i++) {
		for (let j = 0; j < k; j++) {
			if (rec.sign[i] === rec.sign[j]) continue;
			covariance[i * k + j] = -covariance[i * k + j];
			correlation[i * k + j] = -correlation[i * k + j];
		}
	}
	return { ...m, covariance, correlation };
}
