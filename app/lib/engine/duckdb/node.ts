import { createRequire } from 'node:module';
import path from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import type { SqlDb, SqlValue } from '../sql/db';

/**
 * Opens the same DuckDB-WASM engine the browser runs, through its blocking Node build.
 * @example const db = await openNodeDb(); await db.query('SELECT 1');
 */
export async function openNodeDb(): Promise<SqlDb> {
	const dist = path.dirname(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
	const bindings = await duckdb.createDuckDB(
		{
			mvp: { mainModule: `${dist}/duckdb-mvp.wasm`, mainWorker: '' },
			eh: { mainModule: `${dist}/duckdb-eh.wasm`, mainWorker: '' }
		},
		new duckdb.VoidLogger(),
		duckdb.NODE_RUNTIME
	);
	await bindings.instantiate();
	// as the browser's worker opens it (engine/duckdb/browser.ts): the same code sees the same number types
	bindings.open({ query: { castBigIntToDouble: true } });
	const conn = bindings.connect();
	return {
		async query(sql: string, params: SqlValue[] = []) {
			if (params.length === 0) return conn.query(sql);
			const stmt = conn.prepare(sql);
			try {
				return stmt.query(...params);
			} finally {
				stmt.close();
			}
		},
		async exec(sql) {
			conn.query(sql);
		},
		async registerBuffer(name, bytes) {
			bindings.registerFileBuffer(name, bytes);
		},
		async registerFile(name, file) {
			if ('path' in file) bindings.registerFileHandle(name, file.path, duckdb.DuckDBDataProtocol.NODE_FS, true);
			else bindings.registerFileBuffer(name, new Uint8Array(await file.arrayBuffer()));
		},
		async dropFile(name) {
			bindings.dropFile(name);
		},
		async insertArrowIPC(table, ipc, create) {
			conn.insertArrowFromIPCStream(ipc, { name: table, create });
		},
		async readFile(name) {
			return bindings.copyFileToBuffer(name);
		},
		async close() {
			conn.close();
			bindings.reset();
		}
	};
}
