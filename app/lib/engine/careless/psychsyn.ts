import { createIndexColumn, setAllNull, setNull } from './index-column';
import { clampCorrelation, type PairwiseMoments } from './pairwise';
import type { Recoding } from './reverse';
import type { IndexColumn } from './types';

/** Shifting by the first answered pair makes a constant side sum to exactly 0; this catches rounding. */
const ZERO_VARIANCE = 1e-12;

export interface PsychsynResult {
	values: IndexColumn;
	pairs: [number, number][];
	pairCount: Int32Array;
}

/**
 * Item pairs whose whole-sample pairwise correlation is above `critval` (synonyms) or below
 * −critval (antonyms), each as [later item, earlier item] in careless's lower-triangle order.
 */
export function itemPairs(moments: PairwiseMoments, critval: number, antonyms: boolean): [number, number][] {
	const k = moments.k;
	const cor = moments.correlation;
	const c = Math.abs(critval);
	const pairs: [number, number][] = [];
	for (let j = 0; j < k; j++) {
		for (let i = j + 1; i < k; i++) {
			const r = cor[i * k + j];
			if (antonyms ? r < -c : r > c) pairs.push([i, j]);
		}
	}
	return pairs;
}

/**
 * Psychometric synonym (or antonym) score as careless::psychsyn with resample_na = FALSE: per
 * respondent the Pearson r between the two sides of the pairs both answered; null below 3 pairs.
 * `moments` must describe the recoded items. One pass per respondent, on values shifted by the
 * first answered pair so that the sums stay small.
 */
export function psychsyn(
	matrix: Float64Array,
	n: number,
	k: number,
	moments: PairwiseMoments,
	critval: number,
	antonyms: boolean,
	rec: Recoding
): PsychsynResult {
	const out = createIndexColumn(n);
	const pairCount = new Int32Array(n);
	const pairs = itemPairs(moments, critval, antonyms);
	const kind = antonyms ? 'antonym' : 'synonym';
	if (pairs.length === 0) {
		const bound = antonyms ? `below −${Math.abs(critval)}` : `above ${Math.abs(critval)}`;
		setAllNull(out, `no psychometric ${kind}s: no item pair correlates ${bound}`);
		return { values: out, pairs, pairCount };
	}
	const p = pairs.length;
	const ia = Int32Array.from(pairs, ([a]) => a);
	const ib = Int32Array.from(pairs, ([, b]) => b);
	const oa = Float64Array.from(ia, (j) => rec.offset[j]);
	const sa = Float64Array.from(ia, (j) => rec.sign[j]);
	const ob = Float64Array.from(ib, (j) => rec.offset[j]);
	const sb = Float64Array.from(ib, (j) => rec.sign[j]);
	const tooFew = `fewer than 3 ${kind} pairs answered`;
	const flat = `no variance across the answered ${kind} pairs`;
	for (let r = 0; r < n; r++) {
		const base = r * k;
		let both = 0;
		let shiftA = 0;
		let shiftB = 0;
		let sumA = 0;
		let sumB = 0;
		let sumAA = 0;
		let sumBB = 0;
		let sumAB = 0;
		for (let q = 0; q < p; q++) {
			const x = matrix[base + ia[q]];
			const y = matrix[base + ib[q]];
			if (x !== x || y !== y) continue;
			const a = oa[q] + sa[q] * x;
			const b = ob[q] + sb[q] * y;
			if (both === 0) {
				shiftA = a;
				shiftB = b;
			}
			both++;
			const da = a - shiftA;
			const db = b - shiftB;
			sumA += da;
			sumB += db;
			sumAA += da * da;
			sumBB += db * db;
			sumAB += da * db;
		}
		pairCount[r] = both;
		if (both < 3) {
			setNull(out, r, tooFew);
			continue;
		}
		const ssA = sumAA - (sumA * sumA) / both;
		const ssB = sumBB - (sumB * sumB) / both;
		if (sumAA === 0 || sumBB === 0 || ssA <= sumAA * ZERO_VARIANCE || ssB <= sumBB * ZERO_VARIANCE) {
			setNull(out, r, flat);
			continue;
		}
		const cross = sumAB - (sumA * sumB) / both;
		out.values[r] = clampCorrelation(cross / (Math.sqrt(ssA) * Math.sqrt(ssB)));
	}
	return { values: out, pairs, pairCount };
}
