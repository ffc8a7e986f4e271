import { afterEach, describe, expect, it } from 'vitest';
import { createRoom } from '../../../app/lib/collab/membership';
import { sessionTrace, tracedFetch } from '../../../app/lib/monitor/traceparent';
import { TRACEPARENT_RE } from '../../../server/protocol/logs';
import { startRelay, type RunningRelay } from '../server/relay-harness';

let relay: RunningRelay | null = null;
afterEach(async () => {
	await relay?.stop();
	relay = null;
});

describe('tracedFetch', () => {
	it("sends the session's trace to the relay, whose request log and answer carry it", async () => {
		relay = await startRelay();
		const trace = sessionTrace();
		expect(trace).toMatch(/^[0-9a-f]{32}$/);
		expect(sessionTrace()).toBe(trace);
		await createRoom(relay.httpUrl);
		const health = await tracedFetch(`${relay.httpUrl}/health`);
		expect(health.headers.get('traceparent')!.match(TRACEPARENT_RE)![2]).toBe(trace);
		const lines = relay.relay.monitoring.logs.requests({ trace, limit: 10 });
		expect(lines.map((l) => [l.method, l.route, l.status])).toEqual([
			['GET', '/health', 200],
			['POST', '/rooms', 201]
		]);
	});
});
