import type { SqlDb } from '../sql/db';
import { ROW_COLUMN } from '../../io/arrow-ipc';
import { rowLines } from './csv-lines';
import { FIELDS_COLUMN, STAGING_TABLE } from './finish';
import { ImportError } from './types';

/**
 * DuckDB's lenient reader (needed for mixed line ends) takes a quote that never closes as a field
 * running to the end of the file. Such a field is the last row's last value, holds a line break,
 * and the file does not end on the closing quote.
 */
export async function refuseUnclosedQuote(
	db: SqlDb,
	file: Blob,
	opts: { name: string; quote: string; rows: number; headerLines: number }
): Promise<void> {
	const tail = new TextDecoder().decode(await file.slice(Math.max(0, file.size - 8)).arrayBuffer());
	if (tail.replace(/[\r\n]+$/, '').endsWith(opts.quote)) return;
	const last = (
		await db.query(`SELECT * EXCLUDE (${ROW_COLUMN}, ${FIELDS_COLUMN}) FROM ${STAGING_TABLE} WHERE ${ROW_COLUMN} = ?`, [opts.rows])
	).get(0);
	const values = Object.values(last?.toJSON() ?? {}).filter((v) => v !== null);
	const value = String(values.at(-1) ?? '');
	if (!/[\r\n]/.test(value)) return;
	const [{ line }] = await rowLines(db, opts.headerLines, `${ROW_COLUMN} = ${Number(opts.rows)}`);
	await db.exec(`DROP TABLE ${STAGING_TABLE}`);
	throw new ImportError(`${opts.name}: a quoted field opened on line ${line} is never closed`, line);
}
