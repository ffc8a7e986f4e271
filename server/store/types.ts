/** What the store holds for one room. */
export interface StoredRoom {
	room: string;
	/** number of stored updates (1 right after a compaction) */
	updates: number;
	/** total bytes of the stored updates */
	bytes: number;
}

/**
 * Persistence of room documents as opaque Yjs updates. The relay never interprets them.
 * Implementations: memory (tests) and SQLite (the relay's file); one contract suite covers both.
 */
export interface RoomStore {
	/** Every stored update of `room` in append order; empty for an unknown room. */
	load(room: string): Promise<Uint8Array[]>;
	/** Appends one update to `room`. */
	append(room: string, update: Uint8Array): Promise<void>;
	/**
	 * Atomically replaces every update of `room` stored so far with `state`, one merged update.
	 * The caller passes a state that includes every update it appended before this call.
	 */
	compact(room: string, state: Uint8Array): Promise<void>;
	/** Rooms with at least one stored update. */
	listRooms(): Promise<StoredRoom[]>;
	/** Size of one room, or null when nothing is stored for it. */
	stat(room: string): Promise<StoredRoom | null>;
	deleteRoom(room: string): Promise<void>;
	/** Records that `member`'s tokens for `room` are refused until `until` (seconds since the epoch). */
	revokeMember(room: string, member: string, until: number): Promise<void>;
	/** Whether `member`'s tokens for `room` are revoked at `now` (seconds since the epoch). */
	isRevoked(room: string, member: string, now: number): Promise<boolean>;
	/** Flushes and releases the store; further calls reject. */
	close(): Promise<void>;
}
