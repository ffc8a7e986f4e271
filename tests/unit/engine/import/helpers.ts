import { openAsBlob } from 'node:fs';
import { openNodeDb } from '../../../../app/lib/engine/duckdb/node';
import { importFile, type ImportOptions } from '../../../../app/lib/engine/import';
import { loadParquetNode } from '../../../../app/lib/io/parquet-node';
import type { SqlDb } from '../../../../app/lib/engine/sql/db';

export const fixture = (name: string) => new URL(`../../../fixtures/import/${name}`, import.meta.url).pathname;

export async function importFixture(name: string, opts: Partial<ImportOptions> = {}, db?: SqlDb) {
	const sql = db ?? (await openNodeDb());
	const result = await importFile({ db: sql, parquet: loadParquetNode }, await openAsBlob(fixture(name)), {
		name,
		...opts
	});
	return { db: sql, result };
}

export async function rows(db: SqlDb, sql = 'SELECT * EXCLUDE (__row) FROM data ORDER BY __row') {
	return (await db.query(sql)).toArray().map((r) => r.toJSON());
}
