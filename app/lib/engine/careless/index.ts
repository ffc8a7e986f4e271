import { evenodd } from './evenodd';
import { setAllNull } from './index-column';
import { irv } from './irv';
import { longstring } from './longstring';
import { mahad } from './mahad';
import { pairwiseMoments } from './pairwise';
import { psychant } from './psychant';
import { psychsyn } from './psychsyn';
import { recodeMoments, recoding } from './reverse';
import type { CarelessOptions, CarelessResult } from './types';

export type { CarelessOptions, CarelessResult, IndexColumn, CarelessIndexName } from './types';
export { CARELESS_INDEX_NAMES } from './types';
export { indexReason, indexValue } from './index-column';
export { loadGridMatrix, type GridMatrix } from './load-grid';
export { chiSquareQuantile } from './chi-square';
export { carelessOptionsFor, type GridSpec } from './grid-options';
export { respondentIndices, respondentReasons, type RespondentIndices } from './respondent-indices';

export const DEFAULT_PSYCHSYN_CRITVAL = 0.6;
export const DEFAULT_MAHAD_CONFIDENCE = 0.99;

/**
 * All careless-responding indices of one grid (SPEC §4) from a row-major respondents × items
 * matrix, NaN = missing. Never throws on data: an index that cannot be computed is NaN with a reason.
 * @example const res = computeCareless(matrix, n, k, { scale: [1, 5], reversed: [2] });
 */
export function computeCareless(matrix: Float64Array, n: number, k: number, opts: CarelessOptions = {}): CarelessResult {
	if (matrix.length !== n * k) {
		throw new RangeError(`matrix has ${matrix.length} cells, expected ${n} × ${k}`);
	}
	const critval = opts.psychsynCritval ?? DEFAULT_PSYCHSYN_CRITVAL;
	const runs = longstring(matrix, n, k);
	const rawMoments = pairwiseMoments(matrix, n, k);
	const distance = mahad(matrix, n, k, rawMoments, opts.mahadConfidence ?? DEFAULT_MAHAD_CONFIDENCE);

	const problem = reversedProblem(k, opts);
	const reversed = [...new Set(opts.reversed ?? [])];
	const rec = recoding(k, problem === null ? reversed : [], opts.scale);
	const recodedMoments = recodeMoments(rawMoments, rec);
	const factorsOk = (opts.factors ?? []).every((f) => f.every(inGrid(k)));
	const eo = evenodd(matrix, n, k, factorsOk ? opts.factors : undefined, rec);
	if (!factorsOk) setAllNull(eo, 'a factor item is not in the grid');
	const syn = psychsyn(matrix, n, k, recodedMoments, critval, false, rec);
	const ant = psychant(matrix, n, k, recodedMoments, critval, rec);
	if (problem !== null) {
		setAllNull(eo, problem);
		setAllNull(syn.values, problem);
		setAllNull(ant.values, problem);
		syn.pairCount.fill(0);
		ant.pairCount.fill(0);
	}
	return {
		n,
		k,
		longstring: runs.longstring,
		longstringAvg: runs.longstringAvg,
		irv: irv(matrix, n, k),
		mahad: distance.mahad,
		mahadFlagged: distance.flagged,
		mahadCutoff: distance.cutoff,
		evenodd: eo,
		psychsyn: syn.values,
		psychant: ant.values,
		synonymPairs: problem === null ? syn.pairs : [],
		antonymPairs: problem === null ? ant.pairs : [],
		psychsynPairCount: syn.pairCount,
		psychantPairCount: ant.pairCount
	};
}

function inGrid(k: number): (j: number) => boolean {
	return (j) => Number.isInteger(j) && j >= 0 && j < k;
}

function reversedProblem(k: number, opts: CarelessOptions): string | null {
	const reversed = opts.reversed ?? [];
	if (!reversed.every(inGrid(k))) return 'a reversed item is not in the grid';
	if (reversed.length > 0 && (!opts.scale || !opts.scale.every(Number.isFinite))) {
		return 'reversed items need the scale [min, max] of the grid';
	}
	return null;
}
