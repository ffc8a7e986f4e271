import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { appendEvent, createChain, nextEvent } from '../../../app/lib/audit/chain';
import { canonicalize } from '../../../app/lib/audit/canonical-json';
import { asAuditExport, type AuditExport } from '../../../app/lib/audit/audit-export';
import type { AuditEvent, EventInput } from '../../../app/lib/audit/events';
import { buildAuditExport, stringifyAudit } from '../../../app/lib/audit/export';
import { createMemoryStore } from '../../../app/lib/audit/memory-store';
import { mergeReplica } from '../../../app/lib/audit/replica';
import { verifyAudit } from '../../../app/lib/audit/verify-audit';
import { clone, headsOf } from './fixtures';

const PROJECT = 'prop-π';
const RUNS = 150;

const text = fc.string({ unit: 'binary', maxLength: 12 });
const inputArb: fc.Arbitrary<EventInput> = fc.record({
	type: fc.oneof(fc.constantFrom('decision', 'comment', 'export', 'rule-change', 'import'), text),
	actor: text,
	time: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
	payload: fc.dictionary(text, fc.jsonValue({ stringUnit: 'binary', maxDepth: 2 }), { maxKeys: 4 })
}) as fc.Arbitrary<EventInput>;

const chainsArb = fc.uniqueArray(
	fc.record({ device: fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }), inputs: fc.array(inputArb, { maxLength: 6 }) }),
	{ minLength: 1, maxLength: 3, selector: (c) => c.device }
);

async function build(chains: { device: string; inputs: EventInput[] }[]): Promise<AuditExport> {
	const built = [];
	for (const { device, inputs } of chains) {
		const store = createMemoryStore(device);
		const chain = await createChain(device, 'actor-0', store, PROJECT);
		for (const input of inputs) await appendEvent(chain, input);
		built.push({ device, events: store.events });
	}
	return buildAuditExport(PROJECT, built);
}

/** What `sieve verify` would conclude after the file went through JSON text and back. */
async function detects(tampered: AuditExport, checkpoints = [] as ReturnType<typeof headsOf>): Promise<boolean> {
	let reparsed: AuditExport;
	try {
		reparsed = asAuditExport(JSON.parse(JSON.stringify(tampered)));
	} catch {
		return true;
	}
	return !(await verifyAudit(reparsed, checkpoints)).ok;
}

const pick = <T>(list: readonly T[], r: number): T => list[r % list.length];
const FIELDS = ['seq', 'time', 'actor', 'type', 'payload', 'prev', 'hash'] as const;

function changeValue(value: unknown, r: number): unknown {
	if (typeof value === 'number') return r % 2 ? value + 1 : -value - 1;
	if (typeof value === 'string') {
		if (value.length === 0) return 'x';
		const i = r % value.length;
		const c = value.charCodeAt(i);
		// Flip one bit of one code unit; a lone surrogate this creates must be caught too.
		return value.slice(0, i) + String.fromCharCode(c ^ (1 << (r % 7))) + value.slice(i + 1);
	}
	if (Array.isArray(value)) return r % 2 && value.length ? value.slice(1) : [...value, r];
	if (value && typeof value === 'object') {
		const keys = Object.keys(value);
		if (keys.length && r % 3) {
			const k = pick(keys, r);
			return { ...value, [k]: changeValue((value as Record<string, unknown>)[k], r >> 2) };
		}
		return { ...value, [`k${r}`]: r };
	}
	return value === null ? 0 : !value;
}

describe('tamper detection over random chains (fast-check)', () => {
	it('untampered exports verify, also after JSON text round trip', async () => {
		await fc.assert(
			fc.asyncProperty(chainsArb, async (chains) => {
				const audit = await build(chains);
				const reparsed = asAuditExport(JSON.parse(stringifyAudit(audit)));
				expect(await verifyAudit(reparsed, headsOf(audit))).toMatchObject({ ok: true });
			}),
			{ numRuns: RUNS }
		);
	});

	it('detects a change to any field of any event', async () => {
		await fc.assert(
			fc.asyncProperty(chainsArb, fc.nat(), fc.nat(), fc.nat(), fc.nat(), async (chains, rc, re, rf, rv) => {
				const audit = await build(chains);
				const tampered = clone(audit);
				const events = pick(tampered.chains, rc).events as unknown as Record<string, unknown>[];
				const event = pick(events, re);
				const field = pick(FIELDS, rf);
				const before = canonicalize(event[field]);
				event[field] = changeValue(event[field], rv);
				let after: string | null;
				try {
					after = canonicalize(event[field]);
				} catch {
					after = null;
				}
				fc.pre(after !== before);
				expect(await detects(tampered)).toBe(true);
			}),
			{ numRuns: RUNS * 2 }
		);
	});

	it('detects a change of any byte of the exported JSON text that changes its meaning', async () => {
		await fc.assert(
			fc.asyncProperty(chainsArb, fc.nat(), fc.integer({ min: 1, max: 255 }), async (chains, rb, delta) => {
				const audit = await build(chains);
				const original = stringifyAudit(audit);
				const bytes = new TextEncoder().encode(original);
				const at = rb % bytes.length;
				bytes[at] = (bytes[at] + delta) % 256;
				const changed = new TextDecoder().decode(bytes);
				let parsed: unknown;
				try {
					parsed = JSON.parse(changed);
				} catch {
					return;
				}
				let same = false;
				try {
					same = canonicalize(parsed) === canonicalize(JSON.parse(original));
				} catch {
					same = false;
				}
				fc.pre(!same);
				expect(await detects(parsed as AuditExport)).toBe(true);
			}),
			{ numRuns: RUNS * 3 }
		);
	});

	it('detects a deleted event: anywhere but the tail by itself, the tail with the checkpoint', async () => {
		await fc.assert(
			fc.asyncProperty(chainsArb, fc.nat(), fc.nat(), async (chains, rc, re) => {
				const audit = await build(chains);
				const tampered = clone(audit);
				const events = pick(tampered.chains, rc).events;
				const i = re % events.length;
				events.splice(i, 1);
				expect(await detects(tampered, headsOf(audit))).toBe(true);
				if (i < events.length) expect(await detects(tampered)).toBe(true);
			}),
			{ numRuns: RUNS }
		);
	});

	it('detects an inserted event, garbage or correctly hashed and linked', async () => {
		await fc.assert(
			fc.asyncProperty(chainsArb, inputArb, fc.nat(), fc.nat(), fc.boolean(), async (chains, input, rc, re, linked) => {
				const audit = await build(chains);
				const tampered = clone(audit);
				const events = pick(tampered.chains, rc).events;
				// Inserting before an existing event; appending at the head is what a writer does.
				const at = re % events.length;
				const forged = linked
					? await nextEvent(at ? events[at - 1] : null, input, 'mallory')
					: { ...(await nextEvent(events[at], input, 'mallory')), hash: 'f'.repeat(64) };
				events.splice(at, 0, forged as AuditEvent);
				expect(await detects(tampered)).toBe(true);
			}),
			{ numRuns: RUNS }
		);
	});

	it('detects reordered events', async () => {
		await fc.assert(
			fc.asyncProperty(chainsArb, fc.nat(), fc.nat(), fc.nat(), async (chains, rc, ri, rj) => {
				const audit = await build(chains);
				const tampered = clone(audit);
				const events = pick(tampered.chains, rc).events;
				const i = ri % events.length;
				const j = rj % events.length;
				fc.pre(i !== j);
				const [moved] = events.splice(i, 1);
				events.splice(j, 0, moved);
				expect(await detects(tampered)).toBe(true);
			}),
			{ numRuns: RUNS }
		);
	});

	it('detects a duplicated event placed anywhere', async () => {
		await fc.assert(
			fc.asyncProperty(chainsArb, fc.nat(), fc.nat(), fc.nat(), async (chains, rc, ri, rj) => {
				const audit = await build(chains);
				const tampered = clone(audit);
				const events = pick(tampered.chains, rc).events;
				const copy = clone(pick(events, ri));
				events.splice(rj % (events.length + 1), 0, copy);
				expect(await detects(tampered)).toBe(true);
			}),
			{ numRuns: RUNS }
		);
	});

	it('detects a truncated tail or a dropped chain when checkpoints exist', async () => {
		await fc.assert(
			fc.asyncProperty(chainsArb, fc.nat(), fc.nat(), fc.boolean(), async (chains, rc, rk, dropChain) => {
				const audit = await build(chains);
				const tampered = clone(audit);
				const c = rc % tampered.chains.length;
				if (dropChain) tampered.chains.splice(c, 1);
				else {
					const events = tampered.chains[c].events;
					events.length -= 1 + (rk % events.length);
				}
				expect(await detects(tampered, headsOf(audit))).toBe(true);
			}),
			{ numRuns: RUNS }
		);
	});

	it('detects a fork: a second, validly hashed event with a seq already taken', async () => {
		await fc.assert(
			fc.asyncProperty(chainsArb, inputArb, fc.nat(), fc.nat(), fc.nat(), async (chains, input, rc, re, rp) => {
				const audit = await build(chains);
				const tampered = clone(audit);
				const events = pick(tampered.chains, rc).events;
				const seq = re % events.length;
				const fork = await nextEvent(seq ? events[seq - 1] : null, input, 'mallory');
				fc.pre(fork.hash !== events[seq].hash);
				events.splice(seq + 1 + (rp % (events.length - seq)), 0, fork);
				expect(await detects(tampered)).toBe(true);
			}),
			{ numRuns: RUNS }
		);
	});

	it('detects history recomputed from any point on, given the checkpoint', async () => {
		await fc.assert(
			fc.asyncProperty(
				chainsArb,
				fc.array(inputArb, { minLength: 1, maxLength: 4 }),
				fc.nat(),
				fc.nat(),
				async (chains, inputs, rc, re) => {
					const audit = await build(chains);
					const tampered = clone(audit);
					const events = pick(tampered.chains, rc).events;
					const original = events.slice();
					const from = re % events.length;
					events.length = from;
					if (from === 0) {
						const device = pick(tampered.chains, rc).device;
						events.push(await nextEvent(null, { type: 'chain-start', payload: { device, project: PROJECT }, actor: 'mallory' }, 'mallory'));
					}
					for (const input of inputs) events.push(await nextEvent(events.at(-1)!, input, 'mallory'));
					fc.pre(events.length <= from || events[from].hash !== original[from].hash);
					expect(await detects(tampered, headsOf(audit))).toBe(true);
				}
			),
			{ numRuns: RUNS }
		);
	});
});

describe('replica merge over random chains (fast-check)', () => {
	it('rebuilds a peer chain from any prefix plus a shuffled, duplicated replica, with no problems', async () => {
		await fc.assert(
			fc.asyncProperty(chainsArb, fc.nat(), fc.array(fc.nat()), async (chains, rk, order) => {
				const audit = await build(chains.slice(0, 1));
				const full = audit.chains[0].events;
				const local = full.slice(0, rk % (full.length + 1));
				const incoming = [...full, ...full.slice(0, order.length % (full.length + 1))];
				order.forEach((r, i) => {
					const j = r % incoming.length;
					[incoming[i % incoming.length], incoming[j]] = [incoming[j], incoming[i % incoming.length]];
				});
				const merged = await mergeReplica(local, clone(incoming), { device: audit.chains[0].device });
				expect(merged.problems).toEqual([]);
				expect(merged.events).toEqual(full);
				expect(merged.added).toHaveLength(full.length - local.length);
			}),
			{ numRuns: RUNS }
		);
	});

	it('reports any fork or rewrite of a held event and never accepts it', async () => {
		await fc.assert(
			fc.asyncProperty(chainsArb, inputArb, fc.nat(), fc.boolean(), async (chains, input, re, rehash) => {
				const audit = await build(chains.slice(0, 1));
				const full = audit.chains[0].events;
				const seq = re % full.length;
				const incoming = clone(full);
				const replacement = rehash
					? await nextEvent(seq ? full[seq - 1] : null, input, 'mallory')
					: { ...incoming[seq], actor: `${incoming[seq].actor}!` };
				fc.pre(canonicalize(replacement) !== canonicalize(full[seq]));
				incoming[seq] = replacement;
				const merged = await mergeReplica(full, incoming);
				expect(merged.problems.map((p) => [p.kind, p.seq])).toContainEqual([rehash ? 'fork' : 'rewrite', seq]);
				expect(merged.events).toEqual(full);
			}),
			{ numRuns: RUNS }
		);
	});
});
