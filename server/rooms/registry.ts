import { CLOSE_CODES } from '../protocol/rooms';
import type { RoomStore } from '../store/types';
import type { ConnectionLimits } from './limits';
import { createRoom, type Room, type RoomConnection } from './room';

export interface RoomRegistryOptions {
	store: RoomStore;
	maxRoomBytes: number;
	compactEvery: number;
	/** how long an empty room stays in memory before it is persisted and unloaded */
	idleUnloadMs: number;
	limits: ConnectionLimits;
	now?: () => number;
	onError?: (error: unknown) => void;
}

export interface RoomRegistry {
	/** Loads the room on first join (waiting for a pending unload of the same room) and adds `conn`. */
	join(name: string, conn: RoomConnection): Promise<Room>;
	/** Removes `conn`; the last one out schedules the unload. */
	leave(room: Room, conn: RoomConnection): void;
	/** Closes the open connections of `member` in room `name`. */
	disconnectMember(name: string, member: string, code: number, reason: string): void;
	/** Names of the rooms currently in memory. */
	loaded(): string[];
	/** Persists and drops an empty room now; resolves when it is written. */
	unload(name: string): Promise<void>;
	/** Closes every connection, persists every room and waits for the writes. */
	close(): Promise<void>;
}

interface Entry {
	ready: Promise<Room>;
	room?: Room;
	joining: number;
	idle?: ReturnType<typeof setTimeout>;
}

/**
 * The rooms in memory, loaded on first join and unloaded (compacted first) when idle.
 *
 * @example
 * const rooms = createRoomRegistry({ store, maxRoomBytes: 10 << 20, compactEvery: 200, idleUnloadMs: 30_000 });
 */
export function createRoomRegistry(options: RoomRegistryOptions): RoomRegistry {
	const { store, idleUnloadMs, onError = console.error } = options;
	const entries = new Map<string, Entry>();
	const unloading = new Map<string, Promise<void>>();
	let closing = false;

	const load = async (name: string) => {
		await unloading.get(name);
		const stored = await store.load(name);
		return createRoom({
			name,
			store,
			stored,
			maxBytes: options.maxRoomBytes,
			compactEvery: options.compactEvery,
			limits: options.limits,
			now: options.now,
			onError
		});
	};

	const unload = async (name: string) => {
		const entry = entries.get(name);
		if (!entry?.room || entry.room.size > 0 || entry.joining > 0) return;
		clearTimeout(entry.idle);
		entries.delete(name);
		const room = entry.room;
		const done = room
			.flush()
			.catch(onError)
			.finally(() => {
				room.destroy();
				if (unloading.get(name) === done) unloading.delete(name);
			});
		unloading.set(name, done);
		await done;
	};

	return {
		async join(name, conn) {
			if (closing) throw new Error('relay is shutting down');
			let entry = entries.get(name);
			if (!entry) {
				const ready = load(name);
				const created: Entry = { ready, joining: 0 };
				entry = created;
				entries.set(name, created);
				ready.then(
					(room) => (created.room = room),
					() => entries.get(name) === created && entries.delete(name)
				);
			}
			entry.joining += 1;
			try {
				const room = await entry.ready;
				if (closing) throw new Error('relay is shutting down');
				clearTimeout(entry.idle);
				room.addConnection(conn);
				return room;
			} finally {
				entry.joining -= 1;
			}
		},
		leave(room, conn) {
			room.removeConnection(conn);
			const entry = entries.get(room.name);
			if (!entry || entry.room !== room || room.size > 0 || closing) return;
			clearTimeout(entry.idle);
			entry.idle = setTimeout(() => void unload(room.name), idleUnloadMs);
		},
		disconnectMember(name, member, code, reason) {
			entries.get(name)?.room?.disconnectMember(member, code, reason);
		},
		loaded() {
			return [...entries.keys()];
		},
		unload,
		async close() {
			closing = true;
			const rooms = await Promise.allSettled([...entries.values()].map((e) => e.ready));
			entries.clear();
			await Promise.all(
				rooms.map(async (result) => {
					if (result.status !== 'fulfilled') return;
					const room = result.value;
					room.disconnectAll(CLOSE_CODES.goingAway, 'relay shutting down');
					await room.flush().catch(onError);
					room.destroy();
				})
			);
			await Promise.all(unloading.values());
		}
	};
}
