import { describe, expect, it } from 'vitest';
import { newSpanId, newTraceId, traceparent } from '../../../app/lib/monitor/traceparent';
import { TRACEPARENT_RE } from '../../../server/protocol/logs';

describe('traceparent', () => {
	it('is a valid W3C version-00 header with non-zero, distinct ids', () => {
		const trace = newTraceId();
		const seen = new Set<string>();
		for (let i = 0; i < 200; i++) {
			const header = traceparent(trace);
			const m = header.match(TRACEPARENT_RE);
			expect(m, header).not.toBeNull();
			expect(m![1]).toBe('00');
			expect(m![2]).toBe(trace);
			expect(m![3]).not.toBe('0'.repeat(16));
			expect(m![4]).toBe('01');
			seen.add(m![3]!);
		}
		expect(seen.size).toBe(200);
		expect(trace).toMatch(/^[0-9a-f]{32}$/);
		expect(trace).not.toBe('0'.repeat(32));
		expect(newSpanId()).toMatch(/^[0-9a-f]{16}$/);
		expect(newTraceId()).not.toBe(trace);
	});
});
