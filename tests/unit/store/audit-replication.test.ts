import 'fake-indexeddb/auto';
import { afterEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { AuditEvent } from '../../../app/lib/audit/events';
import { auditArrayName } from '../../../app/lib/audit/replicate-ydoc';
import { createAuditLog } from '../../../app/lib/store/audit-log';
import { replicateAudit } from '../../../app/lib/store/audit-replication';
import { SieveDb } from '../../../app/lib/store/db';

const open: SieveDb[] = [];
let n = 0;
afterEach(async () => {
	for (const db of open.splice(0)) await db.delete();
});

async function collaborator(name: string) {
	const db = new SieveDb(`replication-${n++}`);
	open.push(db);
	const log = createAuditLog(db);
	await log.setActor(name);
	return { db, log, doc: new Y.Doc(), device: (await log.identity()).device };
}

function sync(a: Y.Doc, b: Y.Doc): void {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
}

it("two collaborators' chains both verify on both devices, and a rewritten replica is reported", async () => {
	const alice = await collaborator('alice');
	const bob = await collaborator('bob');
	await alice.log.recordEvent('p1', 'comment', { id: 'a1', text: 'first' });
	await bob.log.recordEvent('p1', 'comment', { id: 'b1', text: 'second' });
	await bob.log.recordEvent('p1', 'comment', { id: 'b2', text: 'third' });

	for (const round of [1, 2]) {
		for (const c of [alice, bob]) expect(await replicateAudit(c.db, 'p1', c.doc, c.device)).toEqual(new Map());
		sync(alice.doc, bob.doc);
		for (const c of [alice, bob]) expect(await replicateAudit(c.db, 'p1', c.doc, c.device)).toEqual(new Map());
		for (const c of [alice, bob]) {
			const { verdict } = await c.log.verify('p1');
			expect(verdict.ok, `round ${round}`).toBe(true);
			expect(verdict.ok && verdict.chains.map((x) => x.device).sort()).toEqual([alice.device, bob.device].sort());
		}
	}
	// Alice holds Bob's witness of her chain, so cutting her chain back would show on her side too.
	const witnesses = await alice.db.auditEvents.where('type').equals('witness').toArray();
	expect(witnesses.some((w) => w.device === bob.device && w.payload.device === alice.device)).toBe(true);

	const array = alice.doc.getArray<AuditEvent>(auditArrayName(bob.device));
	const tampered = { ...array.get(2), payload: { id: 'b1', text: 'changed' } };
	alice.doc.transact(() => {
		array.delete(2, 1);
		array.insert(2, [tampered]);
	});
	const problems = await replicateAudit(alice.db, 'p1', alice.doc, alice.device);
	expect(problems.get(bob.device)).toEqual([expect.objectContaining({ kind: 'rewrite', seq: 2 })]);
	expect((await alice.log.verify('p1')).verdict.ok).toBe(true);
});
