import { describe, expect, it } from 'vitest';
import { detectAnomalies } from '../../../../app/lib/audit/anomalies';
import { applyFeedback, feedbackFor } from '../../../../app/lib/audit/anomaly/feedback';
import { appendEvent, createChain } from '../../../../app/lib/audit/chain';
import type { DeviceEvent } from '../../../../app/lib/audit/events';
import { createMemoryStore } from '../../../../app/lib/audit/memory-store';
import { summaryOf } from './summary-of';

const at = (day: number, hour: number, minute = 0) =>
	`2026-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`;
const burst = (day: number, hour: number, n: number) =>
	Array.from({ length: n }, (_, i) => ({
		type: 'export' as const,
		payload: { format: 'csv' as const, identifying: [] },
		time: at(day, hour, i),
		actor: 'finn'
	}));

describe('applyFeedback', () => {
	it('records "not a problem" in the hash chain and silences that flag and similar ones, not different ones', async () => {
		const store = createMemoryStore('laptop');
		const chain = await createChain('laptop', 'finn', store, 'p');
		for (const input of [...burst(20, 14, 5), ...burst(21, 15, 6), ...burst(22, 3, 5), ...burst(23, 14, 20)])
			await appendEvent(chain, input);
		const events = (): DeviceEvent[] => store.events.map((e) => ({ ...e, device: 'laptop' }));
		const flags = detectAnomalies(events());
		expect(flags.map(summaryOf)).toEqual([
			'export-burst 14h x5',
			'export-burst 15h x6',
			'unusual-hour 3h x5',
			'export-burst 3h x5',
			'export-burst 14h x20'
		]);

		const recorded = await appendEvent(chain, {
			type: 'anomaly-feedback',
			payload: feedbackFor(flags[0], 'weekly re-export'),
			actor: 'maria'
		});
		expect(recorded).toMatchObject({
			type: 'anomaly-feedback',
			actor: 'maria',
			payload: { verdict: 'not-a-problem', kind: 'export-burst', actor: 'finn', magnitude: 5, hour: 14, note: 'weekly re-export' }
		});

		const { open, dismissed } = applyFeedback(detectAnomalies(events()), events());
		// Same kind and actor, within two hours of the time of day, at most twice the size: silenced.
		expect(dismissed.map((d) => summaryOf(d.anomaly))).toEqual(['export-burst 14h x5', 'export-burst 15h x6']);
		expect(dismissed[0].by).toEqual({ device: 'laptop', seq: recorded.seq, actor: 'maria', time: recorded.time, note: 'weekly re-export' });
		// Another kind, at 03:00, or four times as large: still shown.
		expect(open.map(summaryOf)).toEqual(['unusual-hour 3h x5', 'export-burst 3h x5', 'export-burst 14h x20']);
	});

	it('leaves every flag open without feedback, and feedback is not itself activity', () => {
		const flags = detectAnomalies(burst(20, 14, 5).map((b, seq) => ({ ...b, seq, device: 'd', prev: '', hash: '' })));
		expect(applyFeedback(flags, [])).toEqual({ open: flags, dismissed: [] });
	});
});
