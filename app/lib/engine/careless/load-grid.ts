import type { Dictionary } from '../../dataset/dictionary';
import type { SqlDb, SqlValue } from '../sql/db';
import { quoteIdent } from '../sql/quote';
import { missingPredicate } from '../rules/missing-sql';

export interface GridMatrix {
	/** Row-major respondents × items, NaN = missing (system- or user-missing, or not a number). */
	matrix: Float64Array;
	n: number;
	k: number;
	/** `__row` of each matrix row, ascending. */
	rowIds: Int32Array;
}

/**
 * Reads a grid's items from table `data` as a respondents × items matrix for computeCareless.
 * @example const { matrix, n, k } = await loadGridMatrix(db, dictionary, ['q1_1', 'q1_2']);
 */
export async function loadGridMatrix(db: SqlDb, dictionary: Dictionary, items: string[]): Promise<GridMatrix> {
	const params: SqlValue[] = [];
	const columns = items.map((name, j) => {
		const variable = dictionary.variables.find((v) => v.name === name);
		if (!variable) throw new Error(`grid item "${name}" is not a variable of the dataset`);
		const missing = missingPredicate(variable);
		params.push(...missing.params);
		const cast = variable.type === 'numeric' || variable.type === 'time' ? 'CAST' : 'TRY_CAST';
		const value = `${cast}(${quoteIdent(name)} AS DOUBLE)`;
		return `CASE WHEN ${missing.sql} THEN CAST('NaN' AS DOUBLE) ELSE COALESCE(${value}, CAST('NaN' AS DOUBLE)) END AS c${j}`;
	});
	const select = [`CAST(__row AS INTEGER) AS r`, ...columns].join(', ');
	const table = await db.query(`SELECT ${select} FROM data ORDER BY __row`, params);
	const n = table.numRows;
	const k = items.length;
	const rowIds = new Int32Array(n);
	const rowColumn = table.getChildAt(0);
	if (rowColumn) rowIds.set(rowColumn.toArray() as Int32Array);
	const matrix = new Float64Array(n * k);
	for (let j = 0; j < k; j++) {
		const col = table.getChildAt(j + 1)!.toArray() as Float64Array;
		for (let r = 0; r < n; r++) matrix[r * k + j] = col[r];
	}
	return { matrix, n, k, rowIds };
}
