import type { Dictionary } from '../../dataset/dictionary';
import type { SqlDb, SqlValue } from '../sql/db';
import { compileRule } from './compile';
import { parseRule } from './parser';

/**
 * Parses, compiles and runs a rule over table `data`; returns the `__row` of every row where it is true.
 * @example const rows = await evaluateRule(db, 'age < 18', dictionary);
 */
export async function evaluateRule(db: SqlDb, rule: string, dictionary: Dictionary): Promise<Int32Array> {
	const f = compileRule(parseRule(rule, dictionary), dictionary);
	return selectRows(db, f.text, [...f.params]);
}

/** `__row` of the rows of `data` where a compiled condition is true, ascending. */
export async function selectRows(db: SqlDb, condition: string, params: SqlValue[]): Promise<Int32Array> {
	const table = await db.query(`SELECT CAST(__row AS INTEGER) AS r FROM data WHERE ${condition} ORDER BY __row`, params);
	const column = table.getChildAt(0);
	return column ? Int32Array.from(column.toArray() as Int32Array) : new Int32Array(0);
}
