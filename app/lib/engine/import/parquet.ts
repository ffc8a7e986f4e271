import type { SqlDb } from '../sql/db';
import { ROW_COLUMN } from '../../io/arrow-ipc';
import { STAGING_TABLE, finishImport } from './finish';
import { ImportError, type ImportOptions, type ImportProgress, type ImportResult } from './types';
import type { ParquetModule } from '../../io/parquet-module';

const CHUNK_TABLE = 'sieve_parquet_chunk';

/** Reads a Parquet file row group by row group (bounded memory), through Arrow IPC into DuckDB. */
export async function importParquet(
	db: SqlDb,
	file: Blob,
	parquet: ParquetModule,
	opts: ImportOptions,
	onProgress: (p: ImportProgress) => void
): Promise<ImportResult> {
	let pf: Awaited<ReturnType<ParquetModule['ParquetFile']['fromFile']>>;
	try {
		pf = await parquet.ParquetFile.fromFile(file);
	} catch (e) {
		throw new ImportError(`${opts.name} is not a readable Parquet file (${message(e)})`);
	}
	const groups = pf.metadata().numRowGroups();
	let rows = 0;
	await db.exec(`DROP TABLE IF EXISTS ${STAGING_TABLE}`);
	for (let g = 0; g < groups; g++) {
		let ipc: Uint8Array;
		try {
			const table = await pf.read({ rowGroups: [g] });
			ipc = table.intoIPCStream();
		} catch (e) {
			throw new ImportError(`${opts.name}: row group ${g + 1} of ${groups} cannot be read (${message(e)})`, rows + 1);
		}
		await db.exec(`DROP TABLE IF EXISTS ${CHUNK_TABLE}`);
		await db.insertArrowIPC(CHUNK_TABLE, ipc, true);
		const target = g === 0 ? `CREATE TABLE ${STAGING_TABLE} AS` : `INSERT INTO ${STAGING_TABLE}`;
		await db.query(`${target} SELECT (? + row_number() OVER ())::INTEGER AS ${ROW_COLUMN}, * FROM ${CHUNK_TABLE}`, [rows]);
		rows += Number((await db.query(`SELECT count(*)::INTEGER AS n FROM ${CHUNK_TABLE}`)).get(0)!.n);
		onProgress({ phase: 'reading', done: g + 1, total: groups, rows });
	}
	await db.exec(`DROP TABLE IF EXISTS ${CHUNK_TABLE}`);
	pf.free();
	if (groups === 0 || rows === 0) throw new ImportError(`${opts.name} has no rows`);
	const dictionary = await finishImport(db, { encoding: 'UTF-8', inferTypes: false }, (p) => onProgress({ ...p, rows }));
	return { format: 'parquet', rows, dictionary };
}

function message(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}
