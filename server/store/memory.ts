import type { RoomStore, StoredRoom } from './types';

/**
 * In-memory {@link RoomStore} for tests and throwaway relays.
 *
 * @example
 * const store = createMemoryRoomStore();
 */
export function createMemoryRoomStore(): RoomStore {
	const rooms = new Map<string, Uint8Array[]>();
	const revoked = new Map<string, number>();
	let closed = false;
	const open = () => {
		if (closed) throw new Error('room store is closed');
	};
	const info = (room: string, updates: Uint8Array[]): StoredRoom => ({
		room,
		updates: updates.length,
		bytes: updates.reduce((sum, u) => sum + u.byteLength, 0)
	});

	return {
		async load(room) {
			open();
			return (rooms.get(room) ?? []).map((u) => u.slice());
		},
		async append(room, update) {
			open();
			const updates = rooms.get(room) ?? [];
			updates.push(update.slice());
			rooms.set(room, updates);
		},
		async compact(room, state) {
			open();
			rooms.set(room, [state.slice()]);
		},
		async listRooms() {
			open();
			return [...rooms].map(([room, updates]) => info(room, updates));
		},
		async stat(room) {
			open();
			const updates = rooms.get(room);
			return updates ? info(room, updates) : null;
		},
		async deleteRoom(room) {
			open();
			rooms.delete(room);
		},
		async revokeMember(room, member, until) {
			open();
			revoked.set(`${room}/${member}`, Math.max(until, revoked.get(`${room}/${member}`) ?? 0));
		},
		async isRevoked(room, member, now) {
			open();
			return (revoked.get(`${room}/${member}`) ?? 0) > now;
		},
		async close() {
			closed = true;
		}
	};
}
