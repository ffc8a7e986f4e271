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
 * Moments of the recoded items without another pass: reversing an item only flips the sign of its
 * cross products, its sums of squares stay as they are.
 */
export function recodeMoments(m: PairwiseMoments, rec: Recoding): PairwiseMoments {
	const k = m.k;
	if (rec.sign.every((s) => s === 1)) return m;
	const crossProducts = Float64Array.from(m.crossProducts);
	for (let i = 0; i < k; i++) {
		for (let j = 0; j < k; j++) {
			if (i !== j && rec.sign[i] !== rec.sign[j]) crossProducts[i * k + j] = -crossProducts[i * k + j];
		}
	}
	return { ...m, crossProducts };
}
