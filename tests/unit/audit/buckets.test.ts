import { describe, expect, it } from 'vitest';
import { bucketEvents } from '../../../app/lib/audit/buckets';

const ev = (time: string, type: string) => ({ time, type });

describe('bucketEvents', () => {
	it('counts by hour and type within three days, with empty hours between', () => {
		const b = bucketEvents([
			ev('2026-11-20T09:05:00Z', 'import'),
			ev('2026-11-20T09:59:59Z', 'audit-view'),
			ev('2026-11-20T11:00:00Z', 'audit-view')
		]);
		expect(b).toEqual({
			unit: 'hour',
			labels: ['2026-11-20T09:00', '2026-11-20T10:00', '2026-11-20T11:00'],
			series: [
				{ type: 'audit-view', counts: [1, 0, 1] },
				{ type: 'import', counts: [1, 0, 0] }
			]
		});
	});

	it('counts by day over longer spans', () => {
		const b = bucketEvents([ev('2026-11-20T23:30:00Z', 'decision'), ev('2026-11-25T00:10:00Z', 'decision')]);
		expect(b.unit).toBe('day');
		expect(b.labels).toEqual(['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25']);
		expect(b.series).toEqual([{ type: 'decision', counts: [1, 0, 0, 0, 0, 1] }]);
	});

	it("reads hours in the viewer's zone", () => {
		const b = bucketEvents([ev('2026-11-20T23:30:00Z', 'export')], 120);
		expect(b.labels).toEqual(['2026-11-21T01:00']);
	});

	it('skips events whose time does not parse, and is empty without events', () => {
		expect(bucketEvents([ev('not a time', 'x')])).toEqual({ unit: 'hour', labels: [], series: [] });
		expect(bucketEvents([ev('2026-11-20T09:00:00Z', 'a'), ev('??', 'b')]).series).toEqual([{ type: 'a', counts: [1] }]);
	});
});
