import Database from 'better-sqlite3';
import type { RoomStore, StoredRoom } from './types';

export interface SqliteRoomStoreOptions {
	/** path of the relay's SQLite file (created when missing) */
	file: string;
}

const SCHEMA_VERSION = 1;

/**
 * {@link RoomStore} in the relay's SQLite file: one row per appended update, replaced by one
 * merged row on compaction (in a transaction, so a crash leaves either the old rows or the new one).
 *
 * @example
 * const store = createSqliteRoomStore({ file: 'data/relay.sqlite' });
 */
export function createSqliteRoomStore({ file }: SqliteRoomStoreOptions): RoomStore {
	const db = new Database(file);
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = NORMAL');
	const version = db.pragma('user_version', { simple: true }) as number;
	if (version > SCHEMA_VERSION) {
		db.close();
		throw new Error(`${file}: schema version ${version} is newer than this relay (${SCHEMA_VERSION})`);
	}
	db.exec(`
		CREATE TABLE IF NOT EXISTS room_updates (
			seq INTEGER PRIMARY KEY AUTOINCREMENT,
			room TEXT NOT NULL,
			data BLOB NOT NULL
		);
		CREATE INDEX IF NOT EXISTS room_updates_room ON room_updates (room, seq);
		CREATE TABLE IF NOT EXISTS revoked_members (
			room TEXT NOT NULL,
			member TEXT NOT NULL,
			until INTEGER NOT NULL,
			PRIMARY KEY (room, member)
		);
	`);
	db.pragma(`user_version = ${SCHEMA_VERSION}`);

	const selectUpdates = db.prepare<[string], { data: Buffer }>('SELECT data FROM room_updates WHERE room = ? ORDER BY seq');
	const insertUpdate = db.prepare<[string, Buffer]>('INSERT INTO room_updates (room, data) VALUES (?, ?)');
	const deleteUpdates = db.prepare<[string]>('DELETE FROM room_updates WHERE room = ?');
	const statRoom = db.prepare<[string], StoredRoom>(
		'SELECT room, count(*) AS updates, sum(length(data)) AS bytes FROM room_updates WHERE room = ? GROUP BY room'
	);
	const statAll = db.prepare<[], StoredRoom>(
		'SELECT room, count(*) AS updates, sum(length(data)) AS bytes FROM room_updates GROUP BY room ORDER BY room'
	);
	const revoke = db.prepare<[string, string, number]>(
		'INSERT INTO revoked_members (room, member, until) VALUES (?, ?, ?) ON CONFLICT (room, member) DO UPDATE SET until = max(until, excluded.until)'
	);
	const revokedUntil = db.prepare<[string, string], { until: number }>('SELECT until FROM revoked_members WHERE room = ? AND member = ?');
	const replace = db.transaction((room: string, state: Buffer) => {
		deleteUpdates.run(room);
		insertUpdate.run(room, state);
	});
	const toBuffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

	return {
		async load(room) {
			return selectUpdates.all(room).map(({ data }) => new Uint8Array(data));
		},
		async append(room, update) {
			insertUpdate.run(room, toBuffer(update));
		},
		async compact(room, state) {
			replace(room, toBuffer(state));
		},
		async listRooms() {
			return statAll.all();
		},
		async stat(room) {
			return statRoom.get(room) ?? null;
		},
		async deleteRoom(room) {
			deleteUpdates.run(room);
		},
		async revokeMember(room, member, until) {
			revoke.run(room, member, until);
		},
		async isRevoked(room, member, now) {
			return (revokedUntil.get(room, member)?.until ?? 0) > now;
		},
		async close() {
			if (db.open) db.close();
		}
	};
}
