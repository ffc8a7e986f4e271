export type { RoomStore, StoredRoom } from './types';
export { createMemoryRoomStore } from './memory';
export { createSqliteRoomStore, type SqliteRoomStoreOptions } from './sqlite';
