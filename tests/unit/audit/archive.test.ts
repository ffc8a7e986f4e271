import { describe, expect, it } from 'vitest';
import { joinArchives, splitArchive } from '../../../app/lib/audit/archive';
import { asAuditExport } from '../../../app/lib/audit/audit-export';
import { buildAuditExport, stringifyAudit } from '../../../app/lib/audit/export';
import { verifyAudit } from '../../../app/lib/audit/verify-audit';
import { buildAudit, buildChain, clone, PROJECT, views } from './fixtures';

// chain-starts carry the time they were made, so the events after them are made later too
const T = Date.now() + 60_000;
const CUT = new Date(T + 10.5 * 60_000).toISOString();

async function recentAudit(devices: Record<string, number>) {
	const chains = [];
	for (const [device, n] of Object.entries(devices)) chains.push({ device, events: await buildChain(device, views(n, T)) });
	return buildAuditExport(PROJECT, chains);
}

describe('audit archive', () => {
	it('moves the older events out; archive alone and archive + kept log verify, the kept log alone does not', async () => {
		const audit = await recentAudit({ laptop: 30, tablet: 5 });
		// views are one a minute; the tablet's five all fall before the cut
		const { archive, rest } = splitArchive(audit, CUT, '2026-12-01T00:00:00.000Z');
		expect(archive.archived).toEqual({ before: CUT, at: '2026-12-01T00:00:00.000Z' });
		expect(archive.chains.map((c) => [c.device, c.events.at(-1)!.seq])).toEqual([
			['laptop', 10],
			['tablet', 4]
		]);
		expect(rest.chains.map((c) => [c.device, c.events[0].seq, c.events.length])).toEqual([
			['laptop', 11, 20],
			['tablet', 5, 1]
		]);
		const file = asAuditExport(JSON.parse(stringifyAudit(archive)));
		expect(await verifyAudit(file)).toMatchObject({ ok: true });
		expect(joinArchives([file, rest])).toEqual(audit);
		expect(await verifyAudit(joinArchives([file, rest]))).toMatchObject({ ok: true });
		expect(await verifyAudit(rest)).toMatchObject({ ok: false, device: 'laptop', reason: 'seq-gap' });
		expect(await verifyAudit(rest, [], { archived: true })).toMatchObject({
			ok: true,
			chains: [{ head: { seq: 30 } }, { head: { seq: 5 } }]
		});
		const again = splitArchive(rest, new Date(T + 20.5 * 60_000).toISOString());
		expect(await verifyAudit(joinArchives([file, again.archive, again.rest]))).toMatchObject({ ok: true });
		const tampered = clone(rest);
		tampered.chains[0].events[3].payload = { view: 'summary' };
		expect(await verifyAudit(tampered, [], { archived: true })).toMatchObject({ ok: false, seq: 14, reason: 'hash-mismatch' });
	});

	it('catches a change on either side of the boundary and an archive of another project', async () => {
		const audit = await recentAudit({ laptop: 30 });
		const { archive, rest } = splitArchive(audit, CUT);
		const edited = clone(archive);
		edited.chains[0].events[10].payload = { view: 'verify' };
		expect(await verifyAudit(joinArchives([edited, rest]))).toMatchObject({ ok: false, seq: 10, reason: 'hash-mismatch' });
		const relinked = clone(rest);
		relinked.chains[0].events[0].prev = '0'.repeat(64);
		expect(await verifyAudit(joinArchives([archive, relinked]))).toMatchObject({ ok: false, seq: 11 });
		expect(() => joinArchives([{ ...archive, project: 'other' }, rest])).toThrow(/part 2 is for project survey-2026, not other/);
	});

	it('keeps each head in the live log, and joins overlapping parts once', async () => {
		const audit = await buildAudit({ laptop: 3 });
		const { archive, rest } = splitArchive(audit, '2999-01-01');
		expect(rest.chains[0].events.map((e) => e.seq)).toEqual([3]);
		expect(await verifyAudit(joinArchives([archive, audit]))).toMatchObject({ ok: true, chains: [{ events: 4 }] });
		expect(() => splitArchive(audit, 'last week')).toThrow(/not a date: last week/);
	});
});
