import { describe, expect, it } from 'vitest';
import { nextEvent } from '../../../app/lib/audit/chain';
import { buildAuditExport } from '../../../app/lib/audit/export';
import { mergeReplica } from '../../../app/lib/audit/replica';
import { verifyAudit } from '../../../app/lib/audit/verify-audit';
import { buildChain, clone, PROJECT, views } from './fixtures';

describe('mergeReplica', () => {
	it('accepts a linked extension and reports what it added', async () => {
		const full = await buildChain('tablet', views(4));
		const merged = await mergeReplica(full.slice(0, 2), full, { device: 'tablet' });
		expect(merged).toEqual({ events: full, added: full.slice(2), problems: [] });
	});

	it('reports a fork and keeps our history', async () => {
		const full = await buildChain('tablet', views(4));
		const other = await nextEvent(full[1], { type: 'comment', payload: { id: 'c', text: 'other' } }, 'bob');
		const incoming = [...full.slice(0, 2), other];
		const merged = await mergeReplica(full, incoming, { complete: false });
		expect(merged.problems).toEqual([expect.objectContaining({ kind: 'fork', seq: 2 })]);
		expect(merged.events).toEqual(full);
		expect(merged.added).toEqual([]);
	});

	it('reports a rewritten copy of a held event', async () => {
		const full = await buildChain('tablet', views(3));
		const incoming = clone(full);
		incoming[1].time = '2020-01-01T00:00:00.000Z';
		const merged = await mergeReplica(full, incoming);
		expect(merged.problems).toEqual([expect.objectContaining({ kind: 'rewrite', seq: 1 })]);
	});

	it('reports a replica that went backwards', async () => {
		const full = await buildChain('tablet', views(4));
		const merged = await mergeReplica(full, full.slice(0, 3));
		expect(merged.problems).toEqual([expect.objectContaining({ kind: 'backwards', seq: 3 })]);
		expect(await mergeReplica(full, full.slice(0, 3), { complete: false })).toMatchObject({ problems: [] });
	});

	it('holds back events after a gap until the missing one arrives', async () => {
		const full = await buildChain('tablet', views(4));
		const first = await mergeReplica(full.slice(0, 2), [full[3], full[4]], { complete: false });
		expect(first.problems).toEqual([expect.objectContaining({ kind: 'gap', seq: 2 })]);
		expect(first.events).toEqual(full.slice(0, 2));
		const second = await mergeReplica(first.events, [full[2], full[3], full[4]], { complete: false });
		expect(second).toMatchObject({ events: full, problems: [] });
	});

	it('refuses a new event that does not link, and a start for another device', async () => {
		const full = await buildChain('tablet', views(3));
		const stranger = await buildChain('phone', views(3));
		const bad = await mergeReplica(full.slice(0, 2), [stranger[2]], { complete: false });
		expect(bad.problems).toEqual([expect.objectContaining({ kind: 'invalid', seq: 2 })]);
		const wrongStart = await mergeReplica([], stranger, { device: 'tablet' });
		expect(wrongStart.problems[0]).toMatchObject({ kind: 'invalid', seq: 0 });
		expect(wrongStart.events).toEqual([]);
	});

	it('lets two collaborators hold and verify both chains', async () => {
		const laptop = await buildChain('laptop', views(3), 'alice');
		const tablet = await buildChain('tablet', views(4), 'bob');
		const onLaptop = await mergeReplica([], tablet, { device: 'tablet' });
		const onTablet = await mergeReplica([], laptop, { device: 'laptop' });
		const fromLaptop = buildAuditExport(PROJECT, [
			{ device: 'laptop', events: laptop },
			{ device: 'tablet', events: onLaptop.events }
		]);
		const fromTablet = buildAuditExport(PROJECT, [
			{ device: 'tablet', events: tablet },
			{ device: 'laptop', events: onTablet.events }
		]);
		expect(await verifyAudit(fromLaptop)).toMatchObject({ ok: true });
		expect(await verifyAudit(fromTablet)).toMatchObject({ ok: true });
		expect(fromLaptop).toEqual(fromTablet);
	});
});
