import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { appendEvent, createChain, nextEvent, StaleHeadError } from '../../../app/lib/audit/chain';
import { canonicalize } from '../../../app/lib/audit/canonical-json';
import { ZERO_HASH, type AuditEvent } from '../../../app/lib/audit/events';
import { eventText } from '../../../app/lib/audit/hash';
import { createMemoryStore } from '../../../app/lib/audit/memory-store';
import { verifyChain } from '../../../app/lib/audit/verify-chain';
import { buildChain, clone, views } from './fixtures';

const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('createChain / appendEvent', () => {
	it('starts with a chain-start naming the device, prev of 64 zeros', async () => {
		const store = createMemoryStore('dev-a');
		const chain = await createChain('dev-a', 'alice', store, 'p1');
		expect(store.events).toHaveLength(1);
		expect(chain.head).toMatchObject({
			seq: 0,
			type: 'chain-start',
			actor: 'alice',
			prev: ZERO_HASH,
			payload: { device: 'dev-a', project: 'p1' }
		});
		const again = await createChain('dev-a', 'bob', store);
		expect(store.events).toHaveLength(1);
		expect(again.head).toBe(store.events[0]);
	});

	it('hashes SHA-256 over the UTF-8 of the canonical JSON of the event without hash', async () => {
		const events = await buildChain('dev-a', [
			{
				type: 'decision',
				payload: { action: 'exclude', respondents: [17, 'r-ü'], reason: 'speeder ✓', value: 1e30 },
				time: '2026-11-20T10:00:00.000Z'
			},
			{ type: 'comment', payload: { id: 'c\u2028', text: '"q" \\ 😀', mentions: [] }, actor: 'Zoë "Z"\t', time: '2026-11-20T10:01:00.000Z' }
		]);
		for (const [i, e] of events.entries()) {
			const { hash, ...rest } = e;
			expect(hash).toBe(nodeSha256(canonicalize(rest)));
			expect(eventText(rest)).toBe(canonicalize(rest));
			expect(e.seq).toBe(i);
			expect(e.prev).toBe(i === 0 ? ZERO_HASH : events[i - 1].hash);
		}
		const text = canonicalize({ ...events[1], hash: undefined });
		expect(text).toBe(
			`{"actor":"alice","payload":{"action":"exclude","reason":"speeder ✓","respondents":[17,"r-ü"],"value":1e+30},` +
				`"prev":"${events[0].hash}","seq":1,"time":"2026-11-20T10:00:00.000Z","type":"decision"}`
		);
	});

	it('stores the payload it hashed: detached from the caller, undefined members dropped', async () => {
		const payload = { action: 'keep' as const, reason: 'ok', variable: undefined as string | undefined };
		const e = await nextEvent(null, { type: 'decision', payload }, 'alice');
		payload.reason = 'changed later';
		expect(e.payload).toEqual({ action: 'keep', reason: 'ok' });
		expect('variable' in e.payload).toBe(false);
	});

	it('refuses payloads that canonical JSON cannot carry', async () => {
		const chain = await createChain('dev-a', 'alice', createMemoryStore('dev-a'));
		await expect(appendEvent(chain, { type: 'setting-change', payload: { key: 'x', before: NaN, after: 1 } })).rejects.toThrow(
			/not a JSON number/
		);
		await expect(appendEvent(chain, { type: 'comment', payload: { id: 'c1', text: 'half \ud83d' } })).rejects.toThrow(/surrogate/);
		expect(chain.head.seq).toBe(0);
	});

	it('rebuilds on the new head when another writer of the same device appended first', async () => {
		const store = createMemoryStore('dev-a');
		const tabA = await createChain('dev-a', 'alice', store);
		const tabB = await createChain('dev-a', 'alice', store);
		await appendEvent(tabA, views(1)[0]);
		const e = await appendEvent(tabB, { type: 'audit-view', payload: { view: 'summary' } });
		expect(e.seq).toBe(2);
		expect(store.events.map((x) => x.seq)).toEqual([0, 1, 2]);
		expect(await verifyChain(store.events)).toMatchObject({ ok: true });
	});

	it('writes the recorded change in the same append, and nothing when the head moved', async () => {
		const store = createMemoryStore('dev-a');
		const chain = await createChain('dev-a', 'alice', store);
		const head = chain.head;
		const changes: string[] = [];
		await appendEvent(chain, { type: 'comment', payload: { id: 'c1', text: 'hi' } }, () => changes.push('c1'));
		const stale = await nextEvent(head, { type: 'comment', payload: { id: 'c2', text: 'late' } }, 'alice');
		await expect(store.append([stale], () => changes.push('c2'))).rejects.toBeInstanceOf(StaleHeadError);
		expect(changes).toEqual(['c1']);
	});
});

describe('verifyChain', () => {
	const chain = () => buildChain('dev-a', views(6));

	it('accepts an untouched chain and returns its head', async () => {
		const events = await chain();
		expect(await verifyChain(events)).toEqual({ ok: true, head: events[6] });
		expect(await verifyChain(events, { device: 'dev-a', seq: 6, hash: events[6].hash })).toMatchObject({ ok: true });
	});

	const cases: [string, (e: AuditEvent[]) => unknown[], { index: number; reason: string }][] = [
		['a changed payload', (e) => ((e[3].payload.view = 'verify'), e), { index: 3, reason: 'hash-mismatch' }],
		['a changed time', (e) => ((e[2].time = e[2].time.replace('09:02', '09:03')), e), { index: 2, reason: 'hash-mismatch' }],
		[
			'a changed hash',
			(e) => ((e[6].hash = e[6].hash.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'))), e),
			{ index: 6, reason: 'hash-mismatch' }
		],
		['an added field', (e) => (Object.assign(e[4], { note: 'x' }), e), { index: 4, reason: 'malformed' }],
		['a removed field', (e) => (delete (e[1] as Partial<AuditEvent>).actor, e), { index: 1, reason: 'malformed' }],
		['a deleted event', (e) => (e.splice(2, 1), e), { index: 2, reason: 'seq-gap' }],
		['two swapped events', (e) => (([e[2], e[4]] = [e[4], e[2]]), e), { index: 2, reason: 'reordered' }],
		['a duplicated event', (e) => (e.splice(5, 0, clone(e[3])), e), { index: 5, reason: 'duplicate' }],
		['an empty chain', () => [], { index: 0, reason: 'truncated' }],
		['a chain that starts late', (e) => e.slice(1), { index: 0, reason: 'seq-gap' }]
	];
	it.each(cases)('names the first broken event for %s', async (_, tamper, expected) => {
		const verdict = await verifyChain(tamper(clone(await chain())));
		expect(verdict).toMatchObject({ ok: false, ...expected });
	});

	it('reports an inserted, correctly hashed event as a fork of the seq it took', async () => {
		const events = await chain();
		const forged = await nextEvent(events[2], { type: 'decision', payload: { action: 'keep', reason: 'x' } }, 'mallory');
		const verdict = await verifyChain([...events.slice(0, 3), forged, ...events.slice(3)]);
		expect(verdict).toMatchObject({ ok: false, index: 4, reason: 'fork' });
	});

	it('requires seq 0 to be a chain-start', async () => {
		const first = await nextEvent(null, { type: 'audit-view', payload: { view: 'timeline' } }, 'alice');
		expect(await verifyChain([first])).toMatchObject({ ok: false, index: 0, reason: 'bad-start' });
	});

	it('needs the checkpoint to notice a cut tail, and then always does', async () => {
		const events = await chain();
		const cp = { device: 'dev-a', seq: 6, hash: events[6].hash };
		expect(await verifyChain(events.slice(0, 4))).toMatchObject({ ok: true });
		expect(await verifyChain(events.slice(0, 4), cp)).toMatchObject({ ok: false, index: 4, seq: 4, reason: 'truncated' });
	});

	it('needs a checkpoint past the point where history was recomputed, and then notices it', async () => {
		const events = await chain();
		const cp = { device: 'dev-a', seq: 6, hash: events[6].hash };
		const rewritten = events.slice(0, 3);
		for (const input of views(4, Date.parse('2026-11-21T00:00:00Z'))) rewritten.push(await nextEvent(rewritten.at(-1)!, input, 'mallory'));
		expect(await verifyChain(rewritten)).toMatchObject({ ok: true });
		expect(await verifyChain(rewritten, cp)).toMatchObject({ ok: false, index: 6, reason: 'checkpoint-mismatch' });
	});
});
