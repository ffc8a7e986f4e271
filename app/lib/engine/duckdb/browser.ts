import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { SqlDb, SqlValue } from '../sql/db';

/** The browser DuckDB plus what only the browser has: project databases kept in OPFS. */
export interface BrowserDb extends SqlDb {
	/** Switches to the project's own database file, creating it on first use; false without OPFS. */
	useProject(projectId: string): Promise<boolean>;
	/** Deletes the project's database file from OPFS, detaching it first when it is the open one. */
	deleteProject(projectId: string): Promise<void>;
}

const projectFile = (projectId: string) => {
	// The file name is ours (a UUID), never user text.
	if (!/^[a-zA-Z0-9-]+$/.test(projectId)) throw new Error(`bad project id ${projectId}`);
	return `sieve-${projectId}.duckdb`;
};

/**
 * Starts DuckDB-WASM in its own worker. Only the exception-handling ("eh") bundle ships: every
 * browser we support has wasm exceptions, and each bundle is ~35 MB of precache.
 */
export async function openBrowserDb(): Promise<BrowserDb> {
	const worker = new Worker(ehWorker);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	await db.instantiate(ehWasm);
	await db.open({ opfs: { fileHandling: 'auto' }, query: { castBigIntToDouble: true } });
	let conn = await db.connect();
	let attached: string | null = null;
	const api: BrowserDb = {
		async query(sql: string, params: SqlValue[] = []) {
			if (params.length === 0) return conn.query(sql);
			const stmt = await conn.prepare(sql);
			try {
				return await stmt.query(...params);
			} finally {
				await stmt.close();
			}
		},
		async exec(sql) {
			await conn.query(sql);
		},
		async registerBuffer(name, bytes) {
			// AsyncDuckDB transfers the buffer to its worker; callers may still hold views of it.
			await db.registerFileBuffer(name, bytes.slice());
		},
		async registerFile(name, file) {
			if (!(file instanceof Blob)) throw new Error(`${name}: the browser reads files, not paths`);
			await db.registerFileHandle(name, file, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
		},
		async dropFile(name) {
			await db.dropFile(name);
		},
		async insertArrowIPC(table, ipc, create) {
			await conn.insertArrowFromIPCStream(ipc, { name: table, create });
		},
		async readFile(name) {
			return db.copyFileToBuffer(name);
		},
		async close() {
			await conn.close();
			await db.terminate();
		},
		async useProject(projectId) {
			if (attached === projectId) return true;
			if (!(await hasOpfs())) return false;
			const file = projectFile(projectId);
			await conn.close();
			await db.open({
				path: `opfs://${file}`,
				accessMode: duckdb.DuckDBAccessMode.READ_WRITE,
				query: { castBigIntToDouble: true }
			});
			conn = await db.connect();
			attached = projectId;
			return true;
		},
		async deleteProject(projectId) {
			const file = projectFile(projectId);
			if (!(await hasOpfs())) return;
			if (attached === projectId) {
				await conn.close();
				await db.open({ path: ':memory:', query: { castBigIntToDouble: true } });
				conn = await db.connect();
				attached = null;
			}
			// DuckDB keeps an OPFS access handle per file it opened; dropping it lets the file go
			for (const name of [file, `${file}.wal`]) await db.dropFile(`opfs://${name}`).catch(() => {});
			const root = await navigator.storage.getDirectory();
			for (const name of [file, `${file}.wal`])
				await root.removeEntry(name).catch((e: unknown) => {
					if (!(e instanceof DOMException && e.name === 'NotFoundError')) throw e;
				});
		}
	};
	return api;
}

async function hasOpfs(): Promise<boolean> {
	try {
		await navigator.storage.getDirectory();
		return true;
	} catch {
		return false;
	}
}
