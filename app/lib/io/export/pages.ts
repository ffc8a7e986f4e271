import type { Variable } from '../../dataset/dictionary';
import { ROW_COLUMN } from '../arrow-ipc';
import type { ColumnBatch } from '../batch';
import { quoteIdent } from '../../engine/sql/quote';
import type { ExportSource } from './types';

const CELLS_PER_PAGE = 4_000_000;

export interface PageRange {
	first: number;
	last: number;
	rows: number;
}

/** First and last `__row` and the row count of the source. */
export async function pageRange(source: ExportSource): Promise<PageRange> {
	const t = await source.db.query(
		`SELECT min(${ROW_COLUMN})::INTEGER AS a, max(${ROW_COLUMN})::INTEGER AS b, count(*)::INTEGER AS n FROM ${quoteIdent(source.table)}`
	);
	const r = t.get(0)!;
	return { first: Number(r.a ?? 1), last: Number(r.b ?? 0), rows: Number(r.n) };
}

export function defaultPageRows(source: ExportSource): number {
	return Math.max(1024, Math.floor(CELLS_PER_PAGE / Math.max(1, source.dictionary.variables.length)));
}

/** Consecutive `__row` windows [from, to) covering the source; windows may hold fewer rows where rows were excluded. */
export function* windows(range: PageRange, pageRows: number): Generator<[number, number]> {
	for (let from = range.first; from <= range.last; from += pageRows) yield [from, Math.min(from + pageRows, range.last + 1)];
}

function selectExpr(v: Variable): string {
	const c = quoteIdent(v.name);
	switch (v.type) {
		case 'string':
			return c;
		case 'date':
			return `coalesce(epoch_ms(CAST(${c} AS TIMESTAMP))::DOUBLE, 'NaN'::DOUBLE)`;
		case 'datetime':
			return `coalesce(epoch_us(${c})::DOUBLE / 1000, 'NaN'::DOUBLE)`;
		default:
			return `coalesce(CAST(${c} AS DOUBLE), 'NaN'::DOUBLE)`;
	}
}

/**
 * The source in pages of columns as the readers produce them (numbers and dates as Float64Array
 * with NaN for missing, dates as ms since 1970, text as string | null), so no writer ever holds
 * the whole table.
 */
export async function* readPages(source: ExportSource, pageRows = defaultPageRows(source)): AsyncGenerator<ColumnBatch> {
	const range = await pageRange(source);
	const vars = source.dictionary.variables;
	const select = vars.map((v, i) => `${selectExpr(v)} AS c${i}`).join(', ');
	const sql = `SELECT ${select || '1 AS c0'} FROM ${quoteIdent(source.table)} WHERE ${ROW_COLUMN} >= ? AND ${ROW_COLUMN} < ? ORDER BY ${ROW_COLUMN}`;
	for (const [from, to] of windows(range, pageRows)) {
		const t = await source.db.query(sql, [from, to]);
		if (t.numRows === 0) continue;
		const columns = vars.map((v, i) => {
			const col = t.getChild(`c${i}`)!;
			if (v.type === 'string') return col.toArray() as (string | null)[];
			const a = col.toArray() as Float64Array;
			return a instanceof Float64Array ? a : Float64Array.from(a);
		});
		yield { length: t.numRows, columns };
	}
}
