import { describe, expect, it } from 'vitest';
import type { AlertFiring, AlertRule } from '../../../../server/protocol/logs';
import { logsRelay } from '../logs/logs-harness';

type Notified = { hook: string; event: { type: string; data: Record<string, unknown> } };

async function setup() {
	const notified: Notified[] = [];
	const r = await logsRelay({ notify: (hook, event) => notified.push({ hook, event }) });
	const addRule = async (rule: Record<string, unknown>) => {
		const res = await r.app.request('/alerts', {
			method: 'POST',
			headers: { ...r.admin, 'content-type': 'application/json' },
			body: JSON.stringify(rule)
		});
		return { status: res.status, body: (await res.json()) as AlertRule & { error?: string } };
	};
	return { r, notified, addRule };
}

const rule = { name: 'error burst', metric: 'errors', op: '>=', threshold: 3, windowS: 60, throttleS: 300, hook: 'hook-admin-1' };

describe('alert rules', () => {
	it('fire when error entries arrive past the threshold, at most once per throttle, and again after it', async () => {
		const { r, notified, addRule } = await setup();
		expect((await addRule(rule)).status).toBe(201);
		const errors = (n: number) =>
			Array.from({ length: n }, (_, i) => r.entry(`e${i}`, 'error', 0, { error: { name: 'Error', message: 'x' } }));

		await r.post(errors(2));
		expect(notified).toHaveLength(0);
		await r.post([r.entry('folded', 'error', 0, { error: { name: 'Error', message: 'x' }, count: 1 })]);
		expect(notified).toHaveLength(1);
		expect(notified[0]).toMatchObject({
			hook: 'hook-admin-1',
			event: { type: 'alert.fired', data: { name: 'error burst', metric: 'errors', value: 3, threshold: 3, op: '>=', windowS: 60 } }
		});

		r.advance(60_000);
		await r.post(errors(5));
		r.relay.monitoring.alerts.evaluate();
		expect(notified).toHaveLength(1);

		r.advance(241_000);
		await r.post(errors(3));
		expect(notified).toHaveLength(2);

		r.advance(400_000);
		expect(r.relay.monitoring.alerts.evaluate()).toEqual([]);
		const history = await r.get<AlertFiring[]>('/alerts/history');
		expect(history.map((h) => h.value)).toEqual([3, 3]);
		expect(history[1]!.at).toBe(new Date(r.now() - 701_000).toISOString());
	});

	it('watch slow requests, failed webhook deliveries and log levels over their window', async () => {
		const { r, notified, addRule } = await setup();
		await addRule({ ...rule, name: 'slow', metric: 'requests.slow', op: '>', threshold: 1, throttleS: 0 });
		await addRule({ ...rule, name: 'hooks', metric: 'hooks.failed', op: '>=', threshold: 2, throttleS: 0 });
		await addRule({ ...rule, name: 'warnings', metric: 'logs.warn', op: '>=', threshold: 2, throttleS: 0 });
		await addRule({ ...rule, name: 'quiet', metric: 'logs.debug', op: '<', threshold: 1, windowS: 30, throttleS: 3600 });
		const names = () => notified.map((n) => n.event.data.name).sort();

		const line = { method: 'GET', route: '/x', status: 200, trace: 'a'.repeat(32) };
		r.relay.monitoring.logs.recordRequest({ ...line, time: r.now(), durationMs: 1500 });
		r.relay.monitoring.logs.recordRequest({ ...line, time: r.now(), durationMs: 2500 });
		r.relay.monitoring.logs.recordRequest({ ...line, time: r.now(), durationMs: 999 });
		r.relay.monitoring.count('hooks.failed');
		await r.post([r.entry('w', 'warn'), r.entry('e', 'error')]);
		expect(r.relay.monitoring.alerts.evaluate().map((f) => [f.name, f.value])).toEqual([
			['slow', 2],
			['warnings', 2]
		]);
		r.relay.monitoring.count('hooks.failed');
		expect(
			r.relay.monitoring.alerts
				.evaluate()
				.map((f) => [f.name, f.value])
				.sort()
		).toEqual([
			['hooks', 2],
			['slow', 2],
			['warnings', 2]
		]);
		r.advance(61_000);
		expect(r.relay.monitoring.alerts.evaluate().map((f) => [f.name, f.value])).toEqual([['quiet', 0]]);
		// the error entry's arrival was one more evaluation: slow and warnings fired then too
		expect(names()).toEqual(['hooks', 'quiet', 'slow', 'slow', 'slow', 'warnings', 'warnings', 'warnings']);
	});

	it('are validated, listed and deleted by the admin only', async () => {
		const { r, addRule } = await setup();
		for (const [bad, message] of [
			[{ ...rule, metric: 'cpu' }, 'metric must be errors, requests.slow, hooks.failed or logs.<level>'],
			[{ ...rule, metric: 'logs.fatal' }, 'metric must be errors, requests.slow, hooks.failed or logs.<level>'],
			[{ ...rule, op: '==' }, 'op must be one of > >= < <='],
			[{ ...rule, windowS: 0 }, 'windowS must be a whole number of seconds up to a year'],
			[{ ...rule, threshold: '3' }, 'threshold must be a number'],
			[{ ...rule, hook: '' }, 'hook must be an admin hook id']
		] as const) {
			const res = await addRule(bad);
			expect([res.status, res.body.error]).toEqual([400, message]);
		}
		const created = (await addRule(rule)).body;
		expect(created).toMatchObject({ ...rule, id: expect.any(String) });
		expect(await r.get<AlertRule[]>('/alerts')).toEqual([created]);
		expect((await r.app.request('/alerts', { headers: { authorization: `Bearer ${r.token}` } })).status).toBe(401);
		expect((await r.app.request(`/alerts/${created.id}`, { method: 'DELETE', headers: r.admin })).status).toBe(204);
		expect((await r.app.request(`/alerts/${created.id}`, { method: 'DELETE', headers: r.admin })).status).toBe(404);
		expect(await r.get<AlertRule[]>('/alerts')).toEqual([]);
	});
});
