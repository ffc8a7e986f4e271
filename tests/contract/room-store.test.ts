import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMemoryRoomStore } from '../../server/store/memory';
import { createSqliteRoomStore } from '../../server/store/sqlite';
import type { RoomStore } from '../../server/store/types';

interface Implementation {
	name: string;
	open(): RoomStore;
	/** a second store over the same persisted data, when the implementation persists */
	reopen?: () => RoomStore;
	cleanup(): void;
}

const implementations: Array<() => Implementation> = [
	() => ({ name: 'memory', open: createMemoryRoomStore, cleanup() {} }),
	() => {
		const dir = mkdtempSync(path.join(tmpdir(), 'sieve-store-'));
		const file = path.join(dir, 'relay.sqlite');
		return {
			name: 'sqlite',
			open: () => createSqliteRoomStore({ file }),
			reopen: () => createSqliteRoomStore({ file }),
			cleanup: () => rmSync(dir, { recursive: true, force: true })
		};
	}
];

const bytes = (...values: number[]) => new Uint8Array(values);

function docUpdate(edit: (doc: Y.Doc) => void): { doc: Y.Doc; updates: Uint8Array[] } {
	const doc = new Y.Doc();
	const updates: Uint8Array[] = [];
	doc.on('update', (u: Uint8Array) => updates.push(u));
	edit(doc);
	return { doc, updates };
}

const snapshot = (doc: Y.Doc) => ({
	decisions: doc.getMap('decisions').toJSON(),
	comments: doc.getArray('comments').toJSON(),
	note: doc.getText('note').toString()
});

for (const make of implementations) {
	const probe = make();
	probe.cleanup();

	describe(`RoomStore contract: ${probe.name}`, () => {
		let impl: Implementation;
		let stores: RoomStore[] = [];
		const open = (fn: () => RoomStore) => {
			const store = fn();
			stores.push(store);
			return store;
		};
		const fresh = () => {
			impl = make();
			return open(impl.open);
		};

		afterEach(async () => {
			for (const store of stores) await store.close();
			stores = [];
			impl.cleanup();
		});

		it('loads nothing for an unknown room', async () => {
			const store = fresh();
			expect(await store.load('nope')).toEqual([]);
			expect(await store.stat('nope')).toBeNull();
			expect(await store.listRooms()).toEqual([]);
		});

		it('returns appended updates in order, byte for byte, per room', async () => {
			const store = fresh();
			await store.append('a', bytes(1, 2, 3));
			await store.append('b', bytes(9));
			await store.append('a', bytes(4));
			await store.append('a', bytes(0, 255));
			expect((await store.load('a')).map((u) => [...u])).toEqual([[1, 2, 3], [4], [0, 255]]);
			expect((await store.load('b')).map((u) => [...u])).toEqual([[9]]);
		});

		it('copies what it is given: mutating the caller buffer afterwards changes nothing', async () => {
			const store = fresh();
			const update = bytes(1, 2, 3);
			await store.append('a', update);
			update[0] = 42;
			const [loaded] = await store.load('a');
			expect([...loaded!]).toEqual([1, 2, 3]);
		});

		it('stores updates taken from a larger buffer without the rest of it', async () => {
			const store = fresh();
			const backing = bytes(7, 7, 1, 2, 3, 7, 7);
			await store.append('a', backing.subarray(2, 5));
			expect((await store.load('a')).map((u) => [...u])).toEqual([[1, 2, 3]]);
		});

		it('compaction replaces every stored update of the room with one, leaving other rooms alone', async () => {
			const store = fresh();
			await store.append('a', bytes(1));
			await store.append('a', bytes(2));
			await store.append('b', bytes(3));
			await store.compact('a', bytes(1, 2));
			await store.append('a', bytes(4));
			expect((await store.load('a')).map((u) => [...u])).toEqual([[1, 2], [4]]);
			expect((await store.load('b')).map((u) => [...u])).toEqual([[3]]);
		});

		it('reports sizes per room and lists rooms that hold updates', async () => {
			const store = fresh();
			await store.append('a', bytes(1, 2));
			await store.append('a', bytes(3));
			await store.append('b', bytes(4, 5, 6, 7));
			expect(await store.stat('a')).toEqual({ room: 'a', updates: 2, bytes: 3 });
			const listed = (await store.listRooms()).sort((x, y) => x.room.localeCompare(y.room));
			expect(listed).toEqual([
				{ room: 'a', updates: 2, bytes: 3 },
				{ room: 'b', updates: 1, bytes: 4 }
			]);
			await store.compact('a', bytes(9));
			expect(await store.stat('a')).toEqual({ room: 'a', updates: 1, bytes: 1 });
		});

		it('deletes a room', async () => {
			const store = fresh();
			await store.append('a', bytes(1));
			await store.append('b', bytes(2));
			await store.deleteRoom('a');
			expect(await store.load('a')).toEqual([]);
			expect((await store.listRooms()).map((r) => r.room)).toEqual(['b']);
		});

		it('round-trips real Yjs updates: appended then compacted state rebuilds the same document', async () => {
			const store = fresh();
			const { doc, updates } = docUpdate((d) => {
				d.getMap('decisions').set('r17', { action: 'exclude', reason: 'speeder' });
				d.getArray('comments').push(['looks like a bot']);
				d.getMap('decisions').delete('r17');
				d.getText('note').insert(0, 'héllo ✓');
			});
			for (const u of updates) await store.append('p', u);
			const replay = new Y.Doc();
			for (const u of await store.load('p')) Y.applyUpdate(replay, u);
			expect(snapshot(replay)).toEqual(snapshot(doc));

			await store.compact('p', Y.encodeStateAsUpdate(doc));
			const compacted = new Y.Doc();
			const stored = await store.load('p');
			expect(stored).toHaveLength(1);
			Y.applyUpdate(compacted, stored[0]!);
			expect(snapshot(compacted)).toEqual({ decisions: {}, comments: ['looks like a bot'], note: 'héllo ✓' });
		});

		it('rejects use after close', async () => {
			const store = fresh();
			await store.close();
			await expect(store.append('a', bytes(1))).rejects.toThrow();
			await expect(store.load('a')).rejects.toThrow();
		});

		it('keeps everything when reopened (persistent implementations)', async () => {
			const store = fresh();
			if (!impl.reopen) return expect(probe.name).toBe('memory');
			await store.append('a', bytes(1));
			await store.append('a', bytes(2));
			await store.compact('a', bytes(1, 2));
			await store.append('a', bytes(3));
			await store.close();
			const again = open(impl.reopen);
			expect((await again.load('a')).map((u) => [...u])).toEqual([[1, 2], [3]]);
		});

		it('revokes a member of one room until a time, keeping the latest deadline, across a reopen', async () => {
			const store = fresh();
			await store.revokeMember('a', 'm1', 2000);
			await store.revokeMember('a', 'm1', 1500);
			expect(await store.isRevoked('a', 'm1', 1999)).toBe(true);
			expect(await store.isRevoked('a', 'm1', 2000)).toBe(false);
			expect(await store.isRevoked('a', 'm2', 1000)).toBe(false);
			expect(await store.isRevoked('b', 'm1', 1000)).toBe(false);
			if (!impl.reopen) return;
			await store.close();
			expect(await open(impl.reopen).isRevoked('a', 'm1', 1999)).toBe(true);
		});

		it('sees appends of a store that was never closed (crash) when reopened', async () => {
			const store = fresh();
			if (!impl.reopen) return expect(probe.name).toBe('memory');
			await store.append('a', bytes(5, 6));
			const second = open(impl.reopen);
			expect((await second.load('a')).map((u) => [...u])).toEqual([[5, 6]]);
		});
	});
}
