import { describe, expect, it } from 'vitest';
import { appendEvent, createChain } from '../../../app/lib/audit/chain';
import { canonicalize } from '../../../app/lib/audit/canonical-json';
import { asAuditExport, AuditFormatError } from '../../../app/lib/audit/audit-export';
import { buildAuditExport, stringifyAudit } from '../../../app/lib/audit/export';
import { createMemoryStore } from '../../../app/lib/audit/memory-store';
import { verifyAudit } from '../../../app/lib/audit/verify-audit';
import { buildAudit, buildChain, clone, headsOf, PROJECT, views } from './fixtures';

describe('verifyAudit', () => {
	it('accepts an untouched export and summarises every chain head', async () => {
		const audit = await buildAudit({ laptop: 3, tablet: 2 });
		const verdict = await verifyAudit(audit, headsOf(audit));
		expect(verdict).toEqual({
			ok: true,
			chains: [
				{ device: 'laptop', events: 4, head: { seq: 3, hash: audit.chains[0].events[3].hash } },
				{ device: 'tablet', events: 3, head: { seq: 2, hash: audit.chains[1].events[2].hash } }
			]
		});
	});

	it('names device, seq and reason of the first broken event, in file order', async () => {
		const audit = clone(await buildAudit({ laptop: 3, tablet: 4 }));
		audit.chains[1].events[2].actor = 'mallory';
		audit.chains[1].events[3].actor = 'mallory';
		expect(await verifyAudit(audit)).toMatchObject({ ok: false, device: 'tablet', chain: 1, seq: 2, reason: 'hash-mismatch' });
	});

	it('refuses a chain filed under another device or project', async () => {
		const audit = clone(await buildAudit({ laptop: 2, tablet: 2 }));
		audit.chains[0].device = 'desktop';
		expect(await verifyAudit(audit)).toMatchObject({ ok: false, device: 'desktop', seq: 0, reason: 'device-mismatch' });
		const other = clone(await buildAudit({ laptop: 2 }));
		other.project = 'another-survey';
		expect(await verifyAudit(other)).toMatchObject({ ok: false, device: 'laptop', reason: 'project-mismatch' });
	});

	it('refuses two chains for one device', async () => {
		const audit = clone(await buildAudit({ laptop: 2 }));
		audit.chains.push(clone(audit.chains[0]));
		expect(await verifyAudit(audit)).toMatchObject({ ok: false, device: 'laptop', chain: 1, reason: 'duplicate-chain' });
	});

	it('reports a chain missing from the export when a checkpoint vouches for it', async () => {
		const audit = await buildAudit({ laptop: 2, tablet: 2 });
		const cut = clone(audit);
		cut.chains.pop();
		expect(await verifyAudit(cut)).toMatchObject({ ok: true });
		expect(await verifyAudit(cut, headsOf(audit))).toMatchObject({ ok: false, device: 'tablet', reason: 'missing-chain' });
	});

	it('uses the peer heads a chain witnessed as checkpoints for the peer chain', async () => {
		const tablet = await buildChain('tablet', views(5));
		const store = createMemoryStore('laptop');
		const laptop = await createChain('laptop', 'alice', store, PROJECT);
		await appendEvent(laptop, { type: 'witness', payload: { device: 'tablet', seq: 4, hash: tablet[4].hash } });
		const audit = buildAuditExport(PROJECT, [
			{ device: 'laptop', events: store.events },
			{ device: 'tablet', events: tablet }
		]);
		expect(await verifyAudit(audit)).toMatchObject({ ok: true });
		const cut = clone(audit);
		cut.chains[1].events.length = 3;
		expect(await verifyAudit(cut)).toMatchObject({ ok: false, device: 'tablet', seq: 3, reason: 'truncated' });
		const dropped = clone(audit);
		dropped.chains.pop();
		expect(await verifyAudit(dropped)).toMatchObject({ ok: false, device: 'tablet', reason: 'missing-chain' });
	});

	it('ignores witness events that do not name a chain position', async () => {
		const store = createMemoryStore('laptop');
		const laptop = await createChain('laptop', 'alice', store, PROJECT);
		for (const seq of [-1, 1.5, 'x', 2 ** 60]) {
			await appendEvent(laptop, { type: 'witness', payload: { device: 'tablet', seq, hash: 'a'.repeat(64) } } as never);
		}
		expect(await verifyAudit(buildAuditExport(PROJECT, [{ device: 'laptop', events: store.events }]))).toMatchObject({ ok: true });
	});

	it('rejects malformed chain entries', async () => {
		const audit = clone(await buildAudit({ laptop: 1 }));
		(audit.chains as unknown[]).push({ device: 'x', events: 'none' });
		expect(await verifyAudit(audit)).toMatchObject({ ok: false, device: 'x', chain: 1, reason: 'malformed' });
		(audit.chains as unknown[])[1] = 42;
		expect(await verifyAudit(audit)).toMatchObject({ ok: false, device: null, chain: 1, reason: 'malformed' });
	});

	it('checks the envelope separately from the chains', () => {
		expect(() => asAuditExport([])).toThrow(AuditFormatError);
		expect(() => asAuditExport({ version: 2, project: 'p', chains: [] })).toThrow(/version 1/);
		expect(() => asAuditExport({ version: 1, project: 'p' })).toThrow(/chains/);
		expect(asAuditExport({ version: 1, project: 'p', chains: [] }).chains).toEqual([]);
	});

	it('detects every single-byte change of an exported file that still parses and means something else', async () => {
		const events = await buildChain('dev-ä', [
			...views(2),
			{
				type: 'decision',
				payload: { action: 'exclude', respondents: [1, 2.5, 'r7'], reason: 'a\nb "q" é😀' },
				time: '2026-11-20T10:00:00.000Z'
			}
		]);
		const audit = buildAuditExport(PROJECT, [{ device: 'dev-ä', events }]);
		const original = new TextEncoder().encode(stringifyAudit(audit));
		const tally = { unparseable: 0, unchanged: 0, detected: 0, missed: [] as number[] };
		for (let at = 0; at < original.length; at++) {
			for (const delta of [1, 32, 128]) {
				const bytes = original.slice();
				bytes[at] = (bytes[at] + delta) % 256;
				let parsed: unknown;
				try {
					parsed = JSON.parse(new TextDecoder().decode(bytes));
				} catch {
					tally.unparseable++;
					continue;
				}
				let same = false;
				try {
					same = canonicalize(parsed) === canonicalize(audit);
				} catch {
					same = false;
				}
				if (same) tally.unchanged++;
				else {
					let ok: boolean;
					try {
						ok = (await verifyAudit(asAuditExport(parsed))).ok;
					} catch {
						ok = false;
					}
					if (ok) tally.missed.push(at);
					else tally.detected++;
				}
			}
		}
		expect(tally.missed).toEqual([]);
		expect(tally.detected).toBeGreaterThan(original.length);
	});
});
