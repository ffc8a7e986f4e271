import type { SqlDb } from '../sql/db';
import { ROW_COLUMN } from '../../io/arrow-ipc';
import { STAGING_TABLE, finishImport } from './finish';
import { ImportError, type ImportOptions, type ImportProgress, type ImportResult } from './types';
import type { ParquetModule } from '../../io/parquet-module';
import { isWasmTrap, withTrapWatch } from '../../io/wasm-traps';

const CHUNK_TABLE = 'sieve_parquet_chunk';

/** Reads a Parquet file row group by row group (bounded memory), through Arrow IPC into DuckDB. */
export async function importParquet(
	db: SqlDb,
	file: Blob,
	parquet: ParquetModule,
	opts: ImportOptions,
	onProgress: (p: ImportProgress) => void
): Promise<ImportResult> {
	const guarded = <T>(run: () => Promise<T>) => withTrapWatch(parquet.watchTraps, run);
	let pf: Awaited<ReturnType<ParquetModule['ParquetFile']['fromFile']>>;
	let groups: number;
	try {
		pf = await guarded(() => parquet.ParquetFile.fromFile(file));
		groups = pf.metadata().numRowGroups();
	} catch (e) {
		throw new ImportError(`${opts.name} is not a readable Parquet file (${reason(e)})`);
	}
	let rows = 0;
	try {
		await db.exec(`DROP TABLE IF EXISTS ${STAGING_TABLE}`);
		for (let g = 0; g < groups; g++) {
			let ipc: Uint8Array;
			try {
				const table = await guarded(() => pf.read({ rowGroups: [g] }));
				ipc = table.intoIPCStream();
			} catch (e) {
				throw new ImportError(`${opts.name}: row group ${g + 1} of ${groups} cannot be read (${reason(e)})`, rows + 1);
			}
			await db.exec(`DROP TABLE IF EXISTS ${CHUNK_TABLE}`);
			await db.insertArrowIPC(CHUNK_TABLE, ipc, true);
			const target = g === 0 ? `CREATE TABLE ${STAGING_TABLE} AS` : `INSERT INTO ${STAGING_TABLE}`;
			await db.query(`${target} SELECT (? + row_number() OVER ())::INTEGER AS ${ROW_COLUMN}, * FROM ${CHUNK_TABLE}`, [rows]);
			rows += Number((await db.query(`SELECT count(*)::INTEGER AS n FROM ${CHUNK_TABLE}`)).get(0)!.n);
			onProgress({ phase: 'reading', done: g + 1, total: groups, rows });
		}
		await db.exec(`DROP TABLE IF EXISTS ${CHUNK_TABLE}`);
	} finally {
		freeAfterRead(pf);
	}
	if (groups === 0 || rows === 0) throw new ImportError(`${opts.name} has no rows`);
	const dictionary = await finishImport(db, { encoding: 'UTF-8', inferTypes: false }, (p) => onProgress({ ...p, rows }));
	return { format: 'parquet', rows, dictionary };
}

/** After a trap the file object stays marked as borrowed and refuses to be freed; it is left to the GC then. */
function freeAfterRead(pf: { free(): void }): void {
	try {
		pf.free();
	} catch {
		// the import's own error (the trap) is the one to report
	}
}

const MAX_REASON = 120;

/** The reader's own words, cut to one short line: its messages can carry multi-line Rust debug dumps. */
function reason(e: unknown): string {
	if (isWasmTrap(e)) return 'the Parquet reader crashed on damaged data';
	const text = (e instanceof Error ? e.message : String(e))
		.split('\n')[0]
		.replace(/\s*[{([].*$/, '')
		.trim();
	return text.length > MAX_REASON ? `${text.slice(0, MAX_REASON)}…` : text || 'damaged data';
}
