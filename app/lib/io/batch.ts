/**
 * Columns of one slice of rows, in dictionary variable order, as readers produce them.
 * numeric and time: Float64Array, NaN = system-missing (time in seconds);
 * date and datetime: Float64Array of milliseconds since 1970-01-01 UTC, NaN = missing;
 * string: text without trailing blanks, null = missing.
 */
export type Column = Float64Array | (string | null)[];

export interface ColumnBatch {
	length: number;
	columns: Column[];
}
