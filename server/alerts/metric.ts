import { LOG_LEVELS, type LogLevel } from '../protocol/logs';
import type { LogStore } from '../logs/store';

/** A metric an alert rule may watch: `errors`, `requests.slow`, `hooks.failed`, `logs.<level>`. */
export function isAlertMetric(metric: string): boolean {
	return ['errors', 'requests.slow', 'hooks.failed'].includes(metric) || LOG_LEVELS.some((l) => metric === `logs.${l}`);
}

/** The metric's value over [since, until] (ms epoch). */
export function metricValue(logs: LogStore, metric: string, since: number, until: number, slowMs: number): number {
	if (metric === 'errors') return logs.entriesAtLeast('error', since, until);
	if (metric === 'requests.slow') return logs.slowRequests(since, until, slowMs);
	if (metric === 'hooks.failed') return logs.counted('hooks.failed', since, until);
	if (metric.startsWith('logs.')) return logs.entriesAtLeast(metric.slice(5) as LogLevel, since, until);
	throw new Error(`unknown alert metric ${metric}`);
}
