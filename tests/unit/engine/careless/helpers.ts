import { computeCareless } from '../../../../app/lib/engine/careless/index';
import type { CarelessOptions, IndexColumn } from '../../../../app/lib/engine/careless/index';

/** Rows of answers (null = missing) as the row-major NaN matrix computeCareless takes. */
export function grid(rows: (number | null)[][]): { matrix: Float64Array; n: number; k: number } {
	const n = rows.length;
	const k = n === 0 ? 0 : rows[0].length;
	const matrix = new Float64Array(n * k);
	rows.forEach((row, r) => row.forEach((v, j) => (matrix[r * k + j] = v === null ? Number.NaN : v)));
	return { matrix, n, k };
}

export function careless(rows: (number | null)[][], opts: CarelessOptions = {}) {
	const { matrix, n, k } = grid(rows);
	return computeCareless(matrix, n, k, opts);
}

/** Values as plain numbers with null for NaN, for readable expectations. */
export function values(column: IndexColumn): (number | null)[] {
	return Array.from(column.values, (v) => (Number.isNaN(v) ? null : v));
}

export function reasons(column: IndexColumn): (string | null)[] {
	return Array.from(column.codes, (c) => (c === 0 ? null : column.reasons[c]));
}
