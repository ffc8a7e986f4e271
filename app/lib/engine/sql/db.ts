import type { Table } from 'apache-arrow';

/** A value bound to a `?` placeholder; user text only ever reaches SQL this way. */
export type SqlValue = string | number | boolean | null | bigint;

/**
 * The engine's only view of DuckDB. One implementation runs DuckDB-WASM's async worker build in the
 * browser, one its blocking build in Node (tests, `sieve --engine wasm`), one native DuckDB in Node
 * (`sieve`'s default).
 */
export interface SqlDb {
	/** Runs one statement; `params` are bound positionally to `?`. */
	query(sql: string, params?: SqlValue[]): Promise<Table>;
	/** Runs statements that return nothing worth reading. */
	exec(sql: string): Promise<void>;
	/** Makes bytes readable by SQL under `name` (e.g. in read_csv). */
	registerBuffer(name: string, bytes: Uint8Array): Promise<void>;
	/** Makes a file readable by SQL under `name` without copying it into memory: a browser File/Blob, or a path on disk in Node. */
	registerFile(name: string, file: Blob | { path: string }): Promise<void>;
	dropFile(name: string): Promise<void>;
	/** Appends an Arrow IPC stream to `table`, creating it when `create`. */
	insertArrowIPC(table: string, ipc: Uint8Array, create: boolean): Promise<void>;
	/** Copies a file DuckDB wrote (COPY ... TO name) out as bytes. */
	readFile(name: string): Promise<Uint8Array>;
	close(): Promise<void>;
}
