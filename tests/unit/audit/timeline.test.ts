import { describe, expect, it } from 'vitest';
import type { AuditEvent, DeviceEvent } from '../../../app/lib/audit/events';
import { timeline } from '../../../app/lib/audit/timeline';

const ev = (device: string, seq: number, actor: string, time: string, type: string, payload: AuditEvent['payload']): DeviceEvent => ({
	device,
	seq,
	time,
	actor,
	type,
	payload,
	prev: '0'.repeat(64),
	hash: '0'.repeat(64)
});

const events = [
	ev('laptop', 1, 'alice', '2026-11-20T09:00:00.000Z', 'decision', { action: 'exclude', respondents: [1, 2], reason: 'Speeder' }),
	ev('laptop', 2, 'alice', '2026-11-20T10:00:00.000Z', 'export', { format: 'csv', identifying: ['email'] }),
	ev('tablet', 1, 'bob', '2026-11-20T09:30:00.000Z', 'comment', { id: 'c1', text: 'looks like a speeder to me' }),
	ev('tablet', 2, 'bob', '2026-11-21T08:00:00.000Z', 'rule-change', { op: 'edit', rule: 'adult' })
];
const keys = (list: { device: string; seq: number }[]) => list.map((e) => `${e.device}:${e.seq}`);

describe('timeline', () => {
	it('lists every chain newest first with risk levels', () => {
		const all = timeline(events);
		expect(keys(all)).toEqual(['tablet:2', 'laptop:2', 'tablet:1', 'laptop:1']);
		expect(all.map((e) => e.risk)).toEqual(['medium', 'high', 'low', 'medium']);
		expect(all[1].reasons).toEqual(['exports identifying data (email)']);
	});

	it('filters by type, actor, device, date range and minimum risk', () => {
		expect(keys(timeline(events, { types: ['comment', 'export'] }))).toEqual(['laptop:2', 'tablet:1']);
		expect(keys(timeline(events, { actors: ['bob'] }))).toEqual(['tablet:2', 'tablet:1']);
		expect(keys(timeline(events, { devices: ['laptop'] }))).toEqual(['laptop:2', 'laptop:1']);
		expect(keys(timeline(events, { from: '2026-11-20T09:30:00Z', to: '2026-11-20T23:59:59Z' }))).toEqual(['laptop:2', 'tablet:1']);
		expect(keys(timeline(events, { risk: 'medium' }))).toEqual(['tablet:2', 'laptop:2', 'laptop:1']);
		expect(keys(timeline(events, { risk: 'high' }))).toEqual(['laptop:2']);
	});

	it('searches type, actor, device and payload, all words, any case', () => {
		expect(keys(timeline(events, { query: 'SPEEDER' }))).toEqual(['tablet:1', 'laptop:1']);
		expect(keys(timeline(events, { query: 'speeder alice' }))).toEqual(['laptop:1']);
		expect(keys(timeline(events, { query: 'adult tablet' }))).toEqual(['tablet:2']);
		expect(timeline(events, { query: 'nowhere' })).toEqual([]);
	});
});
