import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { appendEvent, createChain } from '../../../app/lib/audit/chain';
import { createMemoryStore } from '../../../app/lib/audit/memory-store';
import { createAuditLog } from '../../../app/lib/store/audit-log';
import { addReplicatedEvents, loadChains, loadCheckpoints } from '../../../app/lib/store/audit-store';
import { SieveDb } from '../../../app/lib/store/db';

const open: SieveDb[] = [];
let n = 0;
function freshDb(): SieveDb {
	const db = new SieveDb(`audit-log-${n++}`);
	open.push(db);
	return db;
}
afterEach(async () => {
	for (const db of open.splice(0)) await db.delete();
});

describe('audit log service', () => {
	it('starts a chain per project for this device and signs events with the current actor name', async () => {
		const db = freshDb();
		const log = createAuditLog(db);
		const { device } = await log.identity();
		await log.recordEvent('p1', 'audit-view', { view: 'timeline' });
		await log.setActor('  Alice  ');
		const e = await log.recordEvent('p1', 'audit-view', { view: 'summary' });
		expect(e).toMatchObject({ seq: 2, actor: 'Alice', type: 'audit-view' });
		const [chain] = await loadChains(db, 'p1');
		expect(chain.device).toBe(device);
		expect(chain.events.map((x) => [x.type, x.actor])).toEqual([
			['chain-start', 'anonymous'],
			['audit-view', 'anonymous'],
			['audit-view', 'Alice']
		]);
		expect(chain.events[0].payload).toEqual({ device, project: 'p1' });
	});

	it('records a batch in one transaction: all events and the change, or none of them', async () => {
		const db = freshDb();
		const log = createAuditLog(db);
		await log.setActor('Alice');
		const batch = [1, 2, 3].map((i) => ({ type: 'comment' as const, payload: { id: `c${i}`, text: String(i) } }));
		const failing = async () => {
			await db.projects.add({ id: 'p1', name: 'x', createdAt: 1, updatedAt: 1, file: null });
			throw new Error('quota exceeded');
		};
		await expect(log.recordEvents('p1', batch, failing)).rejects.toThrow('quota exceeded');
		expect(await db.projects.count()).toBe(0);
		expect((await loadChains(db, 'p1'))[0].events.map((e) => e.type)).toEqual(['chain-start']);
		const events = await log.recordEvents('p1', batch, () =>
			db.projects.add({ id: 'p1', name: 'x', createdAt: 1, updatedAt: 1, file: null })
		);
		expect(events.map((e) => [e.seq, e.actor])).toEqual([
			[1, 'Alice'],
			[2, 'Alice'],
			[3, 'Alice']
		]);
		expect(await db.projects.count()).toBe(1);
		expect((await log.verify('p1')).verdict).toMatchObject({ ok: true });
	});

	it('archives the old part of its chain in the same transaction as the archive event, and verifies across it', async () => {
		const db = freshDb();
		const log = createAuditLog(db);
		const { device } = await log.identity();
		await log.recordEvents(
			'p1',
			Array.from({ length: 10 }, (_, i) => ({ type: 'comment' as const, payload: { id: `c${i}`, text: String(i) } }))
		);
		expect((await log.verify('p1')).verdict.ok).toBe(true);
		const cut = new Date(Date.now() + 60_000).toISOString();
		const moved = await log.archive('p1', cut);
		expect(moved!.chains[0].events.map((e) => e.seq)).toEqual([...Array(10).keys()]);
		const live = (await loadChains(db, 'p1'))[0].events;
		expect(live.map((e) => [e.seq, e.type])).toEqual([
			[10, 'comment'],
			[11, 'archive']
		]);
		expect(live[1].payload).toMatchObject({ events: 10, seq: 9, hash: moved!.chains[0].events[9].hash });
		const { verdict, audit } = await log.verify('p1');
		expect(verdict).toMatchObject({ ok: true });
		expect(audit.chains[0].events).toHaveLength(12);
		expect((await log.exportAudit('p1')).chains[0].events).toHaveLength(2);
		expect(await log.exportAudit('p1', { withArchives: true })).toEqual(audit);
		expect(await log.archive('p1', '2000-01-01')).toBeNull();
		const [file] = await log.archives('p1');
		expect(file.name).toBe(`audit-archive-${device}-0-9.json`);
		const row = (await db.auditArchives.toArray())[0];
		await db.auditArchives.update(row.id!, { text: row.text.replace('"text":"3"', '"text":"three"') });
		expect((await log.verify('p1')).verdict).toMatchObject({ ok: false, seq: 4, reason: 'hash-mismatch' });
	});

	it('keeps the device id across reopening the database', async () => {
		const db = freshDb();
		const first = await createAuditLog(db).identity();
		const again = new SieveDb(db.name);
		open.push(again);
		expect(await createAuditLog(again).identity()).toEqual(first);
		expect(first.device).toMatch(/^web-[0-9a-f]{16}$/);
	});

	it('serialises concurrent appends, also from a second log (another tab) on the same database', async () => {
		const db = freshDb();
		const a = createAuditLog(db);
		const b = createAuditLog(db);
		await a.recordEvent('p1', 'audit-view', { view: 'timeline' });
		await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).recordEvent('p1', 'comment', { id: `c${i}`, text: String(i) })));
		const { verdict, audit } = await a.verify('p1');
		expect(verdict).toMatchObject({ ok: true });
		expect(audit.chains[0].events).toHaveLength(14);
	});

	it('reports a changed payload byte in IndexedDB as the first broken event', async () => {
		const db = freshDb();
		const log = createAuditLog(db);
		const { device } = await log.identity();
		await log.recordEvent('p1', 'comment', { id: 'c1', text: 'fine' });
		await log.recordEvent('p1', 'comment', { id: 'c2', text: 'also fine' });
		expect((await log.verify('p1')).verdict.ok).toBe(true);
		await db.auditEvents.update(['p1', device, 1], { payload: { id: 'c1', text: 'fino' } });
		expect((await log.verify('p1')).verdict).toMatchObject({ ok: false, device, seq: 1, reason: 'hash-mismatch' });
	});

	it('keeps the verified head as a checkpoint, so a cut tail is reported', async () => {
		const db = freshDb();
		const log = createAuditLog(db);
		const { device } = await log.identity();
		for (let i = 0; i < 3; i++) await log.recordEvent('p1', 'comment', { id: `c${i}`, text: 'x' });
		await log.verify('p1');
		expect(await loadCheckpoints(db, 'p1')).toMatchObject([{ device, seq: 3 }]);
		await db.auditEvents.delete(['p1', device, 3]);
		expect((await log.verify('p1')).verdict).toMatchObject({ ok: false, device, reason: 'truncated' });
	});

	it('witnesses a peer chain head once per new head', async () => {
		const db = freshDb();
		const log = createAuditLog(db);
		await log.recordEvent('p1', 'audit-view', { view: 'timeline' });
		const peer = createMemoryStore('peer');
		const chain = await createChain('peer', 'bob', peer, 'p1');
		await appendEvent(chain, { type: 'comment', payload: { id: 'b1', text: 'hi' } });
		await addReplicatedEvents(db, 'p1', 'peer', peer.events);

		expect((await log.verify('p1')).verdict.ok).toBe(true);
		expect((await log.verify('p1')).verdict.ok).toBe(true);
		const witnesses = () => db.auditEvents.where('type').equals('witness').toArray();
		expect((await witnesses()).map((w) => w.payload)).toEqual([{ device: 'peer', seq: 1, hash: peer.events[1].hash }]);

		await appendEvent(chain, { type: 'comment', payload: { id: 'b2', text: 'again' } });
		await addReplicatedEvents(db, 'p1', 'peer', peer.events.slice(2));
		await log.verify('p1');
		expect((await witnesses()).map((w) => w.payload.seq)).toEqual([1, 2]);

		// The peer's chain, cut back in this database, no longer reaches what we witnessed.
		await db.auditEvents.delete(['p1', 'peer', 2]);
		expect((await log.verify('p1')).verdict).toMatchObject({ ok: false, device: 'peer', reason: 'truncated' });
	});
});
