import { randomBytes } from 'node:crypto';
import type { AlertFiring, AlertOp, AlertRule, AlertRuleInput } from '../protocol/logs';
import type { LogStore } from '../logs/store';
import { metricValue } from './metric';
import type { AlertStore } from './store';

/** Delivers an alert to an admin webhook; wired to the hooks service's delivery. */
export type AlertNotify = (hookId: string, event: { type: 'alert.fired'; data: Record<string, unknown> }) => void;

export interface AlertsOptions {
	store: AlertStore;
	logs: LogStore;
	notify: AlertNotify;
	now: () => number;
	/** what counts as a slow request */
	slowMs: number;
	onError?: (error: unknown) => void;
}

export interface Alerts {
	add(rule: AlertRuleInput): AlertRule;
	list(): AlertRule[];
	remove(id: string): boolean;
	history(limit?: number): AlertFiring[];
	/** Evaluates every rule now; fires (records and notifies) those that hold and are not throttled. */
	evaluate(): AlertFiring[];
	/** Evaluates every `intervalMs` (a minute) until the returned function is called. */
	start(intervalMs?: number): () => void;
}

const HOLDS: Record<AlertOp, (value: number, threshold: number) => boolean> = {
	'>': (v, t) => v > t,
	'>=': (v, t) => v >= t,
	'<': (v, t) => v < t,
	'<=': (v, t) => v <= t
};

/**
 * Alert rules over the logs' metrics: each rule's metric is summed over its window and compared
 * with its threshold; a rule that holds fires at most once per `throttleS`, into the alert
 * history and to its hook as an `alert.fired` event.
 *
 * @example
 * const alerts = createAlerts({ store, logs, notify: (hook, event) => hooks.deliverToHook(hook, event), now: Date.now, slowMs: 1000 });
 * const stop = alerts.start();
 */
export function createAlerts({ store, logs, notify, now, slowMs, onError = console.error }: AlertsOptions): Alerts {
	const evaluate = (): AlertFiring[] => {
		const t = now();
		const fired: AlertFiring[] = [];
		for (const rule of store.list()) {
			const value = metricValue(logs, rule.metric, t - rule.windowS * 1000, t, slowMs);
			if (!HOLDS[rule.op](value, rule.threshold)) continue;
			const last = store.lastFired(rule.id);
			if (last !== null && t - last < rule.throttleS * 1000) continue;
			const firing = store.record(
				{ rule: rule.id, name: rule.name, metric: rule.metric, value, threshold: rule.threshold, op: rule.op },
				t
			);
			fired.push(firing);
			try {
				notify(rule.hook, {
					type: 'alert.fired',
					data: {
						rule: rule.id,
						name: rule.name,
						metric: rule.metric,
						op: rule.op,
						threshold: rule.threshold,
						value,
						windowS: rule.windowS,
						at: firing.at
					}
				});
			} catch (error) {
				onError(error);
			}
		}
		return fired;
	};

	return {
		add: (rule) => store.add(rule, randomBytes(9).toString('base64url'), now()),
		list: () => store.list(),
		remove: (id) => store.remove(id),
		history: (limit = 200) => store.history(limit),
		evaluate,
		start(intervalMs = 60_000) {
			const timer = setInterval(() => {
				try {
					evaluate();
				} catch (error) {
					onError(error);
				}
			}, intervalMs);
			timer.unref?.();
			return () => clearInterval(timer);
		}
	};
}
