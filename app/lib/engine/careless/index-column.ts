import type { IndexColumn } from './types';

/** Builds an index column of n nulls-to-be, with a growable reason table. */
export function createIndexColumn(n: number): IndexColumn {
	const values = new Float64Array(n);
	values.fill(Number.NaN);
	return { values, codes: new Uint8Array(n), reasons: [''] };
}

/** Returns the code for `reason`, adding it to the column's table on first use. */
export function reasonCode(column: IndexColumn, reason: string): number {
	const found = column.reasons.indexOf(reason);
	if (found > 0) return found;
	if (column.reasons.length >= 255) return column.reasons.length - 1;
	column.reasons.push(reason);
	return column.reasons.length - 1;
}

export function setNull(column: IndexColumn, row: number, reason: string): void {
	column.values[row] = Number.NaN;
	column.codes[row] = reasonCode(column, reason);
}

/** Marks every respondent null for one dataset-level reason. */
export function setAllNull(column: IndexColumn, reason: string): void {
	column.values.fill(Number.NaN);
	column.codes.fill(reasonCode(column, reason));
}

/** The value for a respondent, or null. */
export function indexValue(column: IndexColumn, row: number): number | null {
	const v = column.values[row];
	return Number.isNaN(v) ? null : v;
}

/** Why a respondent's value is null, or null when it was computed. */
export function indexReason(column: IndexColumn, row: number): string | null {
	const code = column.codes[row];
	return code === 0 ? null : column.reasons[code];
}
