import type { Variable } from '../../dataset/dictionary';
import { ROW_COLUMN } from '../../io/arrow-ipc';
import type { CellValue, PageRequest, PageResult } from '../api';
import { DATA_TABLE } from '../import/finish';
import type { SqlDb } from '../sql/db';
import { quoteIdent } from '../sql/quote';

/** SQL that renders a column the way the grid shows it. */
export function displayExpr(name: string, type: Variable['type'] | undefined): string {
	const c = quoteIdent(name);
	if (type === 'date') return `strftime(${c}, '%Y-%m-%d')`;
	if (type === 'datetime') return `strftime(${c}, '%Y-%m-%dT%H:%M:%S')`;
	return c;
}

/** A window of rows by position; `__row` is dense 1..n, so the range scan stays cheap at 1M rows. */
export async function readPage(db: SqlDb, req: PageRequest, types: Map<string, Variable['type']>): Promise<PageResult> {
	const limit = Math.max(0, Math.min(req.limit, 5000));
	const cols = [ROW_COLUMN, ...req.columns.map((c) => displayExpr(c, types.get(c)))];
	const t = await db.query(
		`SELECT ${cols.join(', ')} FROM ${DATA_TABLE} WHERE ${ROW_COLUMN} > ? AND ${ROW_COLUMN} <= ? ORDER BY ${ROW_COLUMN}`,
		[req.offset, req.offset + limit]
	);
	const vectors = t.schema.fields.map((_, i) => t.getChildAt(i)!);
	const rows: CellValue[][] = [];
	for (let r = 0; r < t.numRows; r++) rows.push(vectors.map((v) => plain(v.get(r))));
	return { offset: req.offset, rows };
}

function plain(v: unknown): CellValue {
	if (v === null || v === undefined) return null;
	if (typeof v === 'bigint') return Number(v);
	if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
	return String(v);
}
