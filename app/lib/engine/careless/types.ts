/** Options for one grid's careless-responding indices (SPEC §4). Item references are 0-based column indexes. */
export interface CarelessOptions {
	/** Items recoded as min + max − x before evenodd, psychsyn and psychant. */
	reversed?: number[];
	/** Item groups for evenodd, each in the order its odd/even positions are counted. */
	factors?: number[][];
	/** Minimum item correlation magnitude for a psychometric synonym or antonym pair. */
	psychsynCritval?: number;
	/** Scale [min, max] of the grid, needed only to reverse items. */
	scale?: [number, number];
	/** Confidence of the χ² cut-off above which mahad is flagged. */
	mahadConfidence?: number;
}

/**
 * One index for every respondent: `values[i]` is NaN when the index could not be computed, and then
 * `reasons[codes[i]]` says why (code 0 means computed).
 */
export interface IndexColumn {
	values: Float64Array;
	codes: Uint8Array;
	reasons: string[];
}

export interface CarelessResult {
	n: number;
	k: number;
	longstring: IndexColumn;
	longstringAvg: IndexColumn;
	irv: IndexColumn;
	mahad: IndexColumn;
	/** 1 where mahad exceeds `mahadCutoff`. */
	mahadFlagged: Uint8Array;
	mahadCutoff: number;
	evenodd: IndexColumn;
	psychsyn: IndexColumn;
	psychant: IndexColumn;
	/** Item pairs [a, b] (a > b) taken as synonyms / antonyms on the whole sample. */
	synonymPairs: [number, number][];
	antonymPairs: [number, number][];
	/** Per respondent, how many of those pairs were both answered. */
	psychsynPairCount: Int32Array;
	psychantPairCount: Int32Array;
}

export const CARELESS_INDEX_NAMES = ['longstring', 'longstringAvg', 'irv', 'mahad', 'evenodd', 'psychsyn', 'psychant'] as const;

export type CarelessIndexName = (typeof CARELESS_INDEX_NAMES)[number];
