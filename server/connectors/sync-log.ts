import Database from 'better-sqlite3';
import type { SyncEntry } from './types';

/** The relay's sync log: one entry per test or pull, kept per room. */
export interface SyncLogStore {
	append(entry: SyncEntry): void;
	/** newest first */
	list(room: string, limit: number): SyncEntry[];
	close(): void;
}

/** Entries kept per room; older ones are dropped as new ones arrive. */
const KEEP = 1000;

/**
 * The sync log in the relay's SQLite file, in its own `connectors_sync_log` table.
 *
 * @example
 * const log = createSqliteSyncLog({ file: 'data/relay.sqlite' });
 */
export function createSqliteSyncLog({ file }: { file: string }): SyncLogStore {
	const db = new Database(file);
	db.pragma('journal_mode = WAL');
	db.exec(`
		CREATE TABLE IF NOT EXISTS connectors_sync_log (
			seq INTEGER PRIMARY KEY AUTOINCREMENT,
			room TEXT,
			entry TEXT NOT NULL
		);
		CREATE INDEX IF NOT EXISTS connectors_sync_log_room ON connectors_sync_log (room, seq);
	`);
	const insert = db.prepare<[string | null, string]>('INSERT INTO connectors_sync_log (room, entry) VALUES (?, ?)');
	const trim = db.prepare<[string | null, string | null, number]>(
		'DELETE FROM connectors_sync_log WHERE room IS ? AND seq <= (SELECT seq FROM connectors_sync_log WHERE room IS ? ORDER BY seq DESC LIMIT 1 OFFSET ?)'
	);
	const select = db.prepare<[string, number], { entry: string }>(
		'SELECT entry FROM connectors_sync_log WHERE room = ? ORDER BY seq DESC LIMIT ?'
	);
	const append = db.transaction((entry: SyncEntry) => {
		insert.run(entry.room, JSON.stringify(entry));
		trim.run(entry.room, entry.room, KEEP);
	});
	return {
		append: (entry) => append(entry),
		list: (room, limit) => select.all(room, limit).map((r) => JSON.parse(r.entry) as SyncEntry),
		close: () => db.close()
	};
}
