import { openAsBlob } from 'node:fs';
import path from 'node:path';
import { openNodeDb } from '../../../../app/lib/engine/duckdb/node';
import { importFile } from '../../../../app/lib/engine/import';
import type { SqlDb } from '../../../../app/lib/engine/sql/db';
import { loadParquetNode } from '../../../../app/lib/io/parquet-node';

export const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures');

/** A fresh DuckDB with `file` imported as `data`, the way the app and the CLI import it. */
export async function loadFixture(file: string) {
	const db = await openNodeDb();
	const result = await importFile({ db, parquet: loadParquetNode }, await openAsBlob(file), { name: path.basename(file) });
	return { db, dictionary: result.dictionary };
}

/** Rows of a table as plain objects in `__row` order; dates as YYYY-MM-DD, numbers as numbers. */
export async function rowsOf(db: SqlDb, table: string, columns = '*'): Promise<Record<string, unknown>[]> {
	const t = await db.query(`SELECT ${columns} FROM ${table} ORDER BY __row`);
	return t.toArray().map((r) => {
		const o = r.toJSON() as Record<string, unknown>;
		for (const [k, v] of Object.entries(o)) {
			if (typeof v === 'bigint') o[k] = Number(v);
			const f = t.schema.fields.find((x) => x.name === k)!;
			if (v !== null && String(f.type) === 'Date32<DAY>') o[k] = new Date(Number(v)).toISOString().slice(0, 10);
		}
		return o;
	});
}
