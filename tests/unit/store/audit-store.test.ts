import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { appendEvent, createChain } from '../../../app/lib/audit/chain';
import { verifyChain } from '../../../app/lib/audit/verify-chain';
import {
	addReplicatedEvents,
	createDexieChainStore,
	loadChains,
	loadCheckpoints,
	saveCheckpoints
} from '../../../app/lib/store/audit-store';
import { SieveDb } from '../../../app/lib/store/db';
import { chainStoreContract } from '../audit/chain-store.contract';

const open: SieveDb[] = [];
let n = 0;
function freshDb(): SieveDb {
	const db = new SieveDb(`audit-store-${n++}`);
	open.push(db);
	return db;
}
afterEach(async () => {
	for (const db of open.splice(0)) await db.delete();
});

chainStoreContract('dexie', async (device) => {
	const db = freshDb();
	const store = createDexieChainStore(db, 'p1', device);
	return { store, stored: async () => (await loadChains(db, 'p1')).find((c) => c.device === device)?.events ?? [] };
});

describe('Dexie chain store', () => {
	it('writes neither the event nor the change when the change fails', async () => {
		const db = freshDb();
		const chain = await createChain('dev-a', 'alice', createDexieChainStore(db, 'p1', 'dev-a'), 'p1');
		const failing = async () => {
			await db.projects.add({ id: 'p1', name: 'x', createdAt: 1, updatedAt: 1, file: null });
			throw new Error('disk full');
		};
		await expect(appendEvent(chain, { type: 'project', payload: { op: 'create', name: 'x' } }, failing)).rejects.toThrow('disk full');
		expect(await db.projects.count()).toBe(0);
		expect(await db.auditEvents.count()).toBe(1);
		expect((await db.auditEvents.toArray())[0].type).toBe('chain-start');
		expect(chain.head.seq).toBe(0);
	});

	it('commits the change and the event together', async () => {
		const db = freshDb();
		const chain = await createChain('dev-a', 'alice', createDexieChainStore(db, 'p1', 'dev-a'), 'p1');
		const row = { id: 'p1', name: 'x', createdAt: 1, updatedAt: 1, file: null };
		await appendEvent(chain, { type: 'project', payload: { op: 'create', name: 'x' } }, () => db.projects.add(row));
		expect(await db.projects.get('p1')).toEqual(row);
		expect(await db.auditEvents.where('type').equals('project').count()).toBe(1);
	});

	it('lets a change run its own nested transaction inside the append', async () => {
		const db = freshDb();
		const chain = await createChain('dev-a', 'alice', createDexieChainStore(db, 'p1', 'dev-a'), 'p1');
		const nested = () =>
			db.transaction('rw', db.projects, db.dictionaries, async () => {
				await db.projects.add({ id: 'p1', name: 'x', createdAt: 1, updatedAt: 1, file: null });
				await db.dictionaries.put({ projectId: 'p1', dictionary: { variables: [] } as never });
				throw new Error('late failure');
			});
		await expect(appendEvent(chain, { type: 'project', payload: { op: 'create', name: 'x' } }, nested)).rejects.toThrow('late failure');
		expect(await db.projects.count()).toBe(0);
		expect(await db.dictionaries.count()).toBe(0);
		expect(await db.auditEvents.count()).toBe(1);
	});

	it('keeps chains apart by project and device, and reads back only the seven event fields', async () => {
		const db = freshDb();
		for (const [project, device] of [
			['p1', 'dev-a'],
			['p1', 'dev-b'],
			['p2', 'dev-a']
		]) {
			const chain = await createChain(device, 'alice', createDexieChainStore(db, project, device), project);
			await appendEvent(chain, { type: 'audit-view', payload: { view: 'timeline' } });
		}
		const chains = await loadChains(db, 'p1');
		expect(chains.map((c) => [c.device, c.events.length])).toEqual([
			['dev-a', 2],
			['dev-b', 2]
		]);
		for (const c of chains) {
			expect(Object.keys(c.events[1]).sort()).toEqual(['actor', 'hash', 'payload', 'prev', 'seq', 'time', 'type']);
			expect(await verifyChain(c.events)).toMatchObject({ ok: true });
		}
	});

	it('orders a chain by seq even past 10, where text order would differ', async () => {
		const db = freshDb();
		const chain = await createChain('dev-a', 'alice', createDexieChainStore(db, 'p1', 'dev-a'), 'p1');
		for (let i = 0; i < 11; i++) await appendEvent(chain, { type: 'audit-view', payload: { view: 'timeline' } });
		const [{ events }] = await loadChains(db, 'p1');
		expect(events.map((e) => e.seq)).toEqual([...Array(12).keys()]);
		expect(await createDexieChainStore(db, 'p1', 'dev-a').head()).toEqual(events[11]);
	});

	it('refuses a replicated event that would overwrite one already stored', async () => {
		const db = freshDb();
		const chain = await createChain('dev-b', 'bob', createDexieChainStore(db, 'p1', 'dev-b'), 'p1');
		await expect(addReplicatedEvents(db, 'p1', 'dev-b', [chain.head])).rejects.toThrow();
		expect(await db.auditEvents.count()).toBe(1);
	});

	it('keeps checkpoints per project and device', async () => {
		const db = freshDb();
		const h = 'a'.repeat(64);
		await saveCheckpoints(db, 'p1', [{ device: 'dev-a', seq: 3, hash: h }]);
		await saveCheckpoints(db, 'p1', [
			{ device: 'dev-a', seq: 5, hash: h },
			{ device: 'dev-b', seq: 1, hash: h }
		]);
		await saveCheckpoints(db, 'p2', [{ device: 'dev-a', seq: 9, hash: h }]);
		expect(await loadCheckpoints(db, 'p1')).toEqual([
			{ device: 'dev-a', seq: 5, hash: h },
			{ device: 'dev-b', seq: 1, hash: h }
		]);
	});
});
