import type { SqlDb } from '../sql/db';
import { ROW_COLUMN } from '../../io/arrow-ipc';
import { FIELDS_COLUMN, STAGING_TABLE } from './finish';

/**
 * The staged rows matching `where` (SQL over our own columns only) with the line each starts on as an
 * editor numbers it: the header's lines, then one per row plus the line breaks inside quoted fields
 * of the rows before (LF, CRLF and a lone CR each count once).
 */
export async function rowLines(db: SqlDb, headerLines: number, where: string): Promise<{ row: number; line: number; fields: number }[]> {
	const text = `replace(concat_ws(chr(1), *COLUMNS(* EXCLUDE (${ROW_COLUMN}, ${FIELDS_COLUMN}))), chr(13) || chr(10), chr(10))`;
	const breaks = `length(${text}) - length(replace(replace(${text}, chr(10), ''), chr(13), ''))`;
	const t = await db.query(
		`SELECT ${ROW_COLUMN} AS row, fields, line FROM (
		   SELECT ${ROW_COLUMN}, ${FIELDS_COLUMN} AS fields,
		     ${headerLines} + ${ROW_COLUMN} + coalesce(sum(${breaks}) OVER (ORDER BY ${ROW_COLUMN} ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS line
		   FROM ${STAGING_TABLE}) WHERE ${where} ORDER BY ${ROW_COLUMN}`
	);
	return t.toArray().map((r) => ({ row: Number(r.row), line: Number(r.line), fields: Number(r.fields) }));
}
