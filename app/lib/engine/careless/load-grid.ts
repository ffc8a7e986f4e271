import type { Dictionary, Variable } from '../../dataset/dictionary';
import type { SqlDb, SqlValue } from '../sql/db';
import { quoteIdent } from '../sql/quote';
import { hasUserMissing, isMissing } from '../dataset/missing';

export interface GridMatrix {
	/** Row-major respondents × items, NaN = missing (system- or user-missing, or not a number). */
	matrix: Float64Array;
	n: number;
	k: number;
	/** `__row` of each matrix row, ascending. */
	rowIds: Int32Array;
}

const NAN = `CAST('NaN' AS DOUBLE)`;

/**
 * Reads a grid's items from table `data` as a respondents × items matrix for computeCareless.
 * Rows are put in `__row` order here rather than by ORDER BY, which costs DuckDB-WASM a sort.
 * @example const { matrix, n, k } = await loadGridMatrix(db, dictionary, ['q1_1', 'q1_2']);
 */
export async function loadGridMatrix(db: SqlDb, dictionary: Dictionary, items: string[]): Promise<GridMatrix> {
	const params: SqlValue[] = [];
	const columns = items.map((name, j) => {
		const variable = dictionary.variables.find((v) => v.name === name);
		if (!variable) throw new Error(`grid item "${name}" is not a variable of the dataset`);
		return `${itemExpression(variable, params)} AS c${j}`;
	});
	const select = ['CAST(__row AS INTEGER) AS r', ...columns].join(', ');
	const table = await db.query(`SELECT ${select} FROM data`, params);
	const n = table.numRows;
	const k = items.length;
	const rows = Int32Array.from(table.getChildAt(0)!.toArray() as Int32Array);
	const order = ascendingOrder(rows);
	const matrix = new Float64Array(n * k);
	for (let j = 0; j < k; j++) {
		const col = table.getChildAt(j + 1)!.toArray() as Float64Array;
		if (order === null) for (let r = 0; r < n; r++) matrix[r * k + j] = col[r];
		else for (let r = 0; r < n; r++) matrix[r * k + j] = col[order[r]];
	}
	const rowIds = order === null ? rows : Int32Array.from(order, (i) => rows[i]);
	return { matrix, n, k, rowIds };
}

function itemExpression(variable: Variable, params: SqlValue[]): string {
	const col = quoteIdent(variable.name);
	const numeric = variable.type === 'numeric' || variable.type === 'time';
	if (numeric && !hasUserMissing(variable)) return `COALESCE(CAST(${col} AS DOUBLE), ${NAN})`;
	const missing = isMissing(variable);
	params.push(...missing.params);
	const value = `${numeric ? 'CAST' : 'TRY_CAST'}(${col} AS DOUBLE)`;
	return `CASE WHEN ${missing.text} THEN ${NAN} ELSE COALESCE(${value}, ${NAN}) END`;
}

/** null when already ascending, else the permutation that sorts `rows`. */
function ascendingOrder(rows: Int32Array): Int32Array | null {
	let sorted = true;
	for (let i = 1; i < rows.length && sorted; i++) sorted = rows[i - 1] <= rows[i];
	if (sorted) return null;
	const order = Int32Array.from(rows.keys());
	order.sort((a, b) => rows[a] - rows[b]);
	return order;
}
