import { createIndexColumn, setAllNull, setNull } from './index-column';
import { pairwiseCorrelation, type PairwiseMoments } from './pairwise';
import { pearson } from './pearson';
import type { IndexColumn } from './types';

export interface PsychsynResult {
	values: IndexColumn;
	pairs: [number, number][];
	pairCount: Int32Array;
}

/**
 * Item pairs whose whole-sample pairwise correlation is above `critval` (synonyms) or below
 * −critval (antonyms), each as [later item, earlier item] like careless's lower triangle.
 */
export function itemPairs(moments: PairwiseMoments, critval: number, antonyms: boolean): [number, number][] {
	const k = moments.k;
	const cor = pairwiseCorrelation(moments);
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
 */
export function psychsyn(
	matrix: Float64Array,
	n: number,
	k: number,
	moments: PairwiseMoments,
	critval: number,
	antonyms: boolean
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
	const first = new Float64Array(p);
	const second = new Float64Array(p);
	for (let r = 0; r < n; r++) {
		const base = r * k;
		let both = 0;
		for (let q = 0; q < p; q++) {
			const a = matrix[base + pairs[q][0]];
			const b = matrix[base + pairs[q][1]];
			first[q] = a;
			second[q] = b;
			if (a === a && b === b) both++;
		}
		pairCount[r] = both;
		if (both < 3) {
			setNull(out, r, `fewer than 3 ${kind} pairs answered`);
			continue;
		}
		const rho = pearson(first, second, p);
		if (Number.isNaN(rho)) setNull(out, r, `no variance across the answered ${kind} pairs`);
		else out.values[r] = rho;
	}
	return { values: out, pairs, pairCount };
}
