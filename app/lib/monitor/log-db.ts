import Dexie, { type EntityTable } from 'dexie';
import type { LocalLogEntry } from './types';

/** A kept entry: its size in bytes (UTF-16 length of its JSON, near enough) bounds the buffer. */
export type LogRow = LocalLogEntry & { id?: number; bytes: number };

/** Who opted in to shipping logs to the relay: `device`, or `project:<id>`. */
export interface ShippingRow {
	key: string;
	enabled: boolean;
}

/** The monitor's own IndexedDB database, apart from `sieve` so a full log never blocks project data. */
export class LogDb extends Dexie {
	entries!: EntityTable<LogRow, 'id'>;
	shipping!: EntityTable<ShippingRow, 'key'>;

	constructor(name = 'sieve-logs') {
		super(name);
		this.version(1).stores({
			entries: '++id, time, level, projectId, error.fingerprint',
			shipping: 'key'
		});
	}
}

let db: LogDb | null = null;

export function getLogDb(): LogDb {
	return (db ??= new LogDb());
}
