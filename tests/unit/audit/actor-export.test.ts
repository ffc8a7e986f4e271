import { describe, expect, it } from 'vitest';
import { actorExport } from '../../../app/lib/audit/actor-export';
import type { EventInput } from '../../../app/lib/audit/events';
import { buildAuditExport } from '../../../app/lib/audit/export';
import { hashEvent } from '../../../app/lib/audit/hash';
import { buildChain, PROJECT } from './fixtures';

const at = (m: number) => new Date(Date.parse('2026-11-20T09:00:00Z') + m * 60_000).toISOString();

describe('actorExport', () => {
	it('gathers what one person signed on every device and what others wrote about them, nothing else', async () => {
		const laptop: EventInput[] = [
			{ type: 'decision', payload: { action: 'exclude', respondents: ['R7'], reason: 'speeder' }, time: at(1), actor: 'Zoë' },
			{ type: 'comment', payload: { id: 'c1', text: '@Zoë please look', mentions: ['Zoë'] }, time: at(2), actor: 'ben' },
			{ type: 'assignment', payload: { findings: ['rows 1-50'], assignee: 'Zoë' }, time: at(3), actor: 'ben' },
			{ type: 'comment', payload: { id: 'c2', text: 'Zoëlle did this', mentions: ['Zoëlle'] }, time: at(4), actor: 'ben' },
			{ type: 'export', payload: { format: 'audit-actor', identifying: [], subject: 'Zoë' }, time: at(5), actor: 'ben' }
		];
		const tablet: EventInput[] = [{ type: 'export', payload: { format: 'csv', identifying: [] }, time: at(0), actor: 'Zoë' }];
		const audit = buildAuditExport(PROJECT, [
			{ device: 'laptop', events: await buildChain('laptop', laptop, 'ben') },
			{ device: 'tablet', events: await buildChain('tablet', tablet, 'Zoë') }
		]);
		const x = actorExport(audit, 'Zoë', '2026-12-01T00:00:00.000Z');
		expect(x.devices).toEqual(['laptop', 'tablet']);
		// the fixture's chain-starts are stamped now, after the session's events
		expect(x.authored.map((e) => [e.device, e.type])).toEqual([
			['tablet', 'export'],
			['laptop', 'decision'],
			['tablet', 'chain-start']
		]);
		expect(x.mentioning.map((e) => [e.type, e.seq])).toEqual([
			['comment', 2],
			['assignment', 3],
			['export', 5]
		]);
		expect(x.summary).toMatchObject({ authored: 3, mentioning: 3, byType: { 'chain-start': 1, export: 1, decision: 1 } });
		for (const e of [...x.authored, ...x.mentioning]) expect(await hashEvent(e)).toBe(e.hash);
		expect(actorExport(audit, 'nobody').summary).toMatchObject({ authored: 0, mentioning: 0, firstEvent: null });
	});
});
