import { indexValue } from './index-column';
import { CARELESS_INDEX_NAMES, type CarelessIndexName, type CarelessResult } from './types';

export type RespondentIndices = Record<CarelessIndexName, number | null>;

/** One respondent's indices as `sieve check` reports them (SPEC §7), null where not computed. */
export function respondentIndices(result: CarelessResult, row: number): RespondentIndices {
	const out = {} as RespondentIndices;
	for (const name of CARELESS_INDEX_NAMES) out[name] = indexValue(result[name], row);
	return out;
}

/** Why each null index of one respondent is null. */
export function respondentReasons(result: CarelessResult, row: number): Partial<Record<CarelessIndexName, string>> {
	const out: Partial<Record<CarelessIndexName, string>> = {};
	for (const name of CARELESS_INDEX_NAMES) {
		const column = result[name];
		const code = column.codes[row];
		if (code !== 0) out[name] = column.reasons[code];
	}
	return out;
}
