import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendEvent, createChain } from '../../../app/lib/audit/chain';
import type { AuditEvent } from '../../../app/lib/audit/events';
import { buildAuditExport } from '../../../app/lib/audit/export';
import { createMemoryStore } from '../../../app/lib/audit/memory-store';
import { auditArrayName, mergeReplicas, onReplicaChange, publishChain, readReplicas } from '../../../app/lib/audit/replicate-ydoc';
import { verifyAudit } from '../../../app/lib/audit/verify-audit';
import { buildChain, clone, PROJECT, views } from './fixtures';

function sync(a: Y.Doc, b: Y.Doc): void {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

/** What one device holds: its own chain and its verified copies of peer chains. */
type Device = { name: string; doc: Y.Doc; chains: Map<string, AuditEvent[]> };

async function device(name: string, n: number): Promise<Device> {
	return { name, doc: new Y.Doc(), chains: new Map([[name, await buildChain(name, views(n), name)]]) };
}

async function pull(d: Device) {
	const merges = await mergeReplicas(d.doc, d.chains, d.name);
	for (const [peer, m] of merges) d.chains.set(peer, m.events);
	return merges;
}

const verify = (d: Device) =>
	verifyAudit(
		buildAuditExport(
			PROJECT,
			[...d.chains].map(([device, events]) => ({ device, events }))
		)
	);

describe('audit replication through a Y.Doc', () => {
	it("gives each device the other's chain, and both chains verify on both sides", async () => {
		const a = await device('laptop-a', 3);
		const b = await device('laptop-b', 5);
		publishChain(a.doc, a.name, a.chains.get(a.name)!);
		publishChain(b.doc, b.name, b.chains.get(b.name)!);
		sync(a.doc, b.doc);
		expect([...(await pull(a)).values()].map((m) => [m.added.length, m.problems])).toEqual([[6, []]]);
		expect([...(await pull(b)).values()].map((m) => [m.added.length, m.problems])).toEqual([[4, []]]);
		for (const d of [a, b]) {
			const verdict = await verify(d);
			expect(verdict).toMatchObject({ ok: true });
			expect(verdict.ok && verdict.chains.map((c) => [c.device, c.events])).toEqual([
				['laptop-a', 4],
				['laptop-b', 6]
			]);
		}
	});

	it('appends only what the doc lacks and leaves published events alone', async () => {
		const a = await device('laptop-a', 2);
		const events = a.chains.get(a.name)!;
		expect(publishChain(a.doc, a.name, events.slice(0, 2))).toBe(2);
		expect(publishChain(a.doc, a.name, events)).toBe(1);
		expect(publishChain(a.doc, a.name, events)).toBe(0);
		expect(readReplicas(a.doc).get(a.name)).toEqual(events);
	});

	it('passes new events on in later rounds', async () => {
		const store = createMemoryStore('laptop-a');
		const chain = await createChain('laptop-a', 'alice', store, PROJECT);
		const a: Device = { name: 'laptop-a', doc: new Y.Doc(), chains: new Map([['laptop-a', store.events]]) };
		const b = await device('laptop-b', 0);
		publishChain(a.doc, a.name, store.events);
		sync(a.doc, b.doc);
		await pull(b);
		await appendEvent(chain, { type: 'comment', payload: { id: 'c', text: 'later' } });
		publishChain(a.doc, a.name, store.events);
		sync(a.doc, b.doc);
		const merge = (await pull(b)).get('laptop-a')!;
		expect(merge.added.map((e) => e.seq)).toEqual([1]);
		expect(await verify(b)).toMatchObject({ ok: true });
	});

	it('reports a replica rewritten in the doc by another peer, and keeps the verified copy', async () => {
		const a = await device('laptop-a', 3);
		const b = await device('laptop-b', 1);
		publishChain(a.doc, a.name, a.chains.get(a.name)!);
		sync(a.doc, b.doc);
		await pull(b);
		// A third party edits laptop-a's array: event 2 gets another payload, hash left as it was.
		const array = b.doc.getArray<AuditEvent>(auditArrayName('laptop-a'));
		const changed = { ...clone(array.get(2)), payload: { view: 'summary' } };
		b.doc.transact(() => {
			array.delete(2, 1);
			array.insert(2, [changed]);
		});
		const merge = (await pull(b)).get('laptop-a')!;
		expect(merge.problems).toEqual([expect.objectContaining({ kind: 'rewrite', seq: 2 })]);
		expect(b.chains.get('laptop-a')).toEqual(a.chains.get(a.name));
		expect(await verify(b)).toMatchObject({ ok: true });
		// A device that never saw the original cannot take the rewritten chain either.
		const c = await device('laptop-c', 0);
		sync(b.doc, c.doc);
		expect((await pull(c)).get('laptop-a')!.problems).toEqual([expect.objectContaining({ kind: 'invalid', seq: 2 })]);
	});

	it('reports a forked chain: the same device republishing a different, validly hashed history', async () => {
		const a = await device('laptop-a', 3);
		const b = await device('laptop-b', 0);
		publishChain(a.doc, a.name, a.chains.get(a.name)!);
		sync(a.doc, b.doc);
		await pull(b);
		const forked = await buildChain('laptop-a', views(5, Date.parse('2026-12-01T00:00:00Z')), 'mallory');
		const array = b.doc.getArray<AuditEvent>(auditArrayName('laptop-a'));
		b.doc.transact(() => {
			array.delete(0, array.length);
			array.push(forked);
		});
		const merge = (await pull(b)).get('laptop-a')!;
		expect(merge.problems.map((p) => p.kind)).toEqual(['fork', 'fork', 'fork', 'fork', 'invalid']);
		expect(merge.added).toEqual([]);
		expect(await verify(b)).toMatchObject({ ok: true });
	});

	it('reports a replica cut back (gone backwards)', async () => {
		const a = await device('laptop-a', 3);
		const b = await device('laptop-b', 0);
		publishChain(a.doc, a.name, a.chains.get(a.name)!);
		sync(a.doc, b.doc);
		await pull(b);
		b.doc.getArray(auditArrayName('laptop-a')).delete(2, 2);
		expect((await pull(b)).get('laptop-a')!.problems).toEqual([expect.objectContaining({ kind: 'backwards', seq: 2 })]);
	});

	it('tells listeners when a chain changes, not for other edits', async () => {
		const a = await device('laptop-a', 1);
		let calls = 0;
		const off = onReplicaChange(a.doc, () => calls++);
		a.doc.getMap('decisions').set('x', 1);
		expect(calls).toBe(0);
		publishChain(a.doc, a.name, a.chains.get(a.name)!);
		expect(calls).toBe(1);
		const b = new Y.Doc();
		let remote = 0;
		onReplicaChange(b, () => remote++);
		sync(a.doc, b);
		expect(remote).toBe(1);
		off();
		publishChain(a.doc, a.name, await buildChain('laptop-a', views(3)));
		expect(calls).toBe(1);
	});
});
