import { DATA_TABLE } from '../import/finish';
import { quoteIdent } from '../sql/quote';
import type { SqlDb } from '../sql/db';

/** Escapes LIKE wildcards (and the escape character itself) so the text matches literally. */
export function likeLiteral(text: string): string {
	return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Rows (ascending) where any of `variables` contains `text`, ignoring case: the review's search over
 * open ends. Blank text matches nothing; the text is bound, never part of the SQL.
 */
export async function searchText(db: SqlDb, variables: string[], text: string): Promise<number[]> {
	if (!text.trim() || variables.length === 0) return [];
	const known = await db.query(
		`SELECT column_name FROM information_schema.columns WHERE table_name = ? AND table_catalog = current_database()`,
		[DATA_TABLE]
	);
	const columns = new Set(known.toArray().map((r) => String(r.column_name)));
	const unknown = variables.filter((v) => !columns.has(v));
	if (unknown.length) throw new Error(`not a variable of the file: ${unknown.join(', ')}`);
	const pattern = `%${likeLiteral(text)}%`;
	const tests = variables.map((v) => `CAST(${quoteIdent(v)} AS VARCHAR) ILIKE ? ESCAPE '\\'`);
	const t = await db.query(
		`SELECT __row::INTEGER AS row FROM ${DATA_TABLE} WHERE ${tests.join(' OR ')} ORDER BY __row`,
		variables.map(() => pattern)
	);
	return t.toArray().map((r) => Number(r.row));
}
