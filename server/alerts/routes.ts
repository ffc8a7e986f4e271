import { Hono } from 'hono';
import { adminAuth } from '../middleware/admin-auth';
import { ALERT_OPS, type AlertOp, type AlertRuleInput } from '../protocol/logs';
import { isAlertMetric } from './metric';
import type { Alerts } from './service';

const MAX_SECONDS = 366 * 24 * 3600;

/** The rule of a `POST /alerts` body, or a one-line reason it is not one. */
function readRule(body: unknown, hookExists?: (id: string) => boolean): AlertRuleInput | string {
	if (typeof body !== 'object' || body === null) return 'the body must be a JSON object';
	const { name, metric, op, threshold, windowS, throttleS, hook } = body as Record<string, unknown>;
	if (typeof name !== 'string' || !name.trim() || name.length > 200) return 'name must be a text of 1 to 200 characters';
	if (typeof metric !== 'string' || !isAlertMetric(metric)) return 'metric must be errors, requests.slow, hooks.failed or logs.<level>';
	if (!ALERT_OPS.includes(op as AlertOp)) return `op must be one of ${ALERT_OPS.join(' ')}`;
	if (typeof threshold !== 'number' || !Number.isFinite(threshold)) return 'threshold must be a number';
	for (const [key, v] of [
		['windowS', windowS],
		['throttleS', throttleS]
	] as const) {
		if (!Number.isInteger(v) || (v as number) < (key === 'windowS' ? 1 : 0) || (v as number) > MAX_SECONDS)
			return `${key} must be a whole number of seconds up to a year`;
	}
	if (typeof hook !== 'string' || !hook) return 'hook must be an admin hook id';
	if (hookExists && !hookExists(hook)) return `no admin hook has id ${hook}`;
	return { name: name.trim(), metric, op: op as AlertOp, threshold, windowS: windowS as number, throttleS: throttleS as number, hook };
}

/** `POST /alerts`, `GET /alerts`, `DELETE /alerts/:id`, `GET /alerts/history` (admin; SPEC §6). */
export function createAlertRoutes({
	alerts,
	adminToken,
	hookExists
}: {
	alerts: Alerts;
	adminToken: string;
	hookExists?: (id: string) => boolean;
}) {
	const routes = new Hono();
	routes.use('*', adminAuth(adminToken));
	routes.post('/', async (c) => {
		const rule = readRule(await c.req.json().catch(() => null), hookExists);
		if (typeof rule === 'string') return c.json({ error: rule }, 400);
		return c.json(alerts.add(rule), 201);
	});
	routes.get('/', (c) => c.json(alerts.list()));
	routes.get('/history', (c) => c.json(alerts.history()));
	routes.delete('/:id', (c) =>
		alerts.remove(c.req.param('id')) ? c.body(null, 204) : c.json({ error: 'no alert rule has this id' }, 404)
	);
	return routes;
}
