import type { PairwiseMoments } from './pairwise';
import { psychsyn, type PsychsynResult } from './psychsyn';
import type { Recoding } from './reverse';

/** Psychometric antonym score: psychsyn over item pairs correlating below −critval. */
export function psychant(
	matrix: Float64Array,
	n: number,
	k: number,
	moments: PairwiseMoments,
	critval: number,
	rec: Recoding
): PsychsynResult {
	return psychsyn(matrix, n, k, moments, critval, true, rec);
}
