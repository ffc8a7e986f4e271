import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DOUBLE, DuckDBInstance, type DuckDBType } from '@duckdb/node-api';
import { loadParquetNode } from '../../io/parquet-node';
import type { SqlDb, SqlValue } from '../sql/db';
import { quoteIdent } from '../sql/quote';
import { toArrowTable } from './native-arrow';

/** DuckDB's share of RAM: the rest is for Node's heap (findings, scores) and the system. */
const MEMORY_SHARE = 0.4;

/**
 * Opens native DuckDB (@duckdb/node-api) in process: every core, spilling to a private temp
 * directory, results as the same Arrow tables the WASM binding gives. Files registered by name live
 * in that directory (found through `file_search_path`), which `close` removes. Unlike WASM's
 * in-memory files, `COPY … TO 'name'` writes to the working directory: `file_search_path` is for
 * reading only (no engine code writes files today).
 * @example const db = await openNativeDb(); await db.query('SELECT 1');
 */
export async function openNativeDb(): Promise<SqlDb> {
	const dir = await mkdtemp(path.join(tmpdir(), 'sieve-duckdb-'));
	const instance = await DuckDBInstance.create(':memory:', {
		threads: String(availableParallelism()),
		memory_limit: process.env.SIEVE_DUCKDB_MEMORY ?? `${Math.floor((totalmem() * MEMORY_SHARE) / 2 ** 20)}MB`,
		temp_directory: path.join(dir, 'spill')
	}).catch(async (e: unknown) => {
		await rm(dir, { recursive: true, force: true });
		throw e;
	});
	const conn = await instance.connect();
	await conn.run(`SET file_search_path = '${dir.replaceAll("'", "''")}'`);
	const fileOf = (name: string) => {
		if (name !== path.basename(name) || name.startsWith('.')) throw new Error(`bad file name ${name}`);
		return path.join(dir, name);
	};
	const parquet = await loadParquetNode();
	let ipcSeq = 0;
	return {
		async query(sql: string, params: SqlValue[] = []) {
			const reader = params.length
				? await conn.runAndReadAll(sql, params, params.map(bindType) as DuckDBType[])
				: await conn.runAndReadAll(sql);
			return toArrowTable(reader.columnNames(), reader.columnTypes(), reader.getColumns(), reader.currentRowCount);
		},
		async exec(sql) {
			await conn.run(sql);
		},
		async registerBuffer(name, bytes) {
			await writeFile(fileOf(name), bytes);
		},
		async registerFile(name, file) {
			const target = fileOf(name);
			await rm(target, { force: true });
			if ('path' in file) await symlink(path.resolve(file.path), target);
			else await pipeline(Readable.fromWeb(file.stream() as never), createWriteStream(target));
		},
		async dropFile(name) {
			await unlink(fileOf(name)).catch(() => {});
		},
		async insertArrowIPC(table, ipc, create) {
			// native DuckDB reads no Arrow IPC without an extension download: hand it over as Parquet
			const file = fileOf(`sieve-ipc-${ipcSeq++}.parquet`);
			await writeFile(file, parquet.writeParquet(parquet.Table.fromIPCStream(ipc)));
			try {
				const target = create ? `CREATE TABLE ${quoteIdent(table)} AS` : `INSERT INTO ${quoteIdent(table)}`;
				await conn.run(`${target} SELECT * FROM read_parquet(?)`, [file]);
			} finally {
				await unlink(file);
			}
		},
		async readFile(name) {
			return new Uint8Array(await readFile(fileOf(name)));
		},
		async close() {
			conn.closeSync();
			instance.closeSync();
			await rm(dir, { recursive: true, force: true });
		}
	};
}

/** DuckDB-WASM sends parameters as JSON, so every number binds as DOUBLE; node-api would bind whole ones as INTEGER. */
const bindType = (v: SqlValue): DuckDBType | undefined => (typeof v === 'number' ? DOUBLE : undefined);
