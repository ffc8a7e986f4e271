import Database from 'better-sqlite3';
import type { Hono } from 'hono';
import { createAlertRoutes } from '../alerts/routes';
import { createAlerts, type AlertNotify, type Alerts } from '../alerts/service';
import { createAlertStore } from '../alerts/store';
import type { TokenSigner } from '../rooms/tokens';
import { archiveEntries } from './archive';
import { DEFAULT_LOGS_CONFIG, type LogsConfig } from './config';
import { requestLog } from './request-log';
import { createLogRoutes } from './routes';
import { createLogStore, type LogStore } from './store';

/** What the relay's entry hands the logs service. */
export interface MonitoringDeps {
	/** the relay's SQLite file (`:memory:` when absent) */
	db?: Database.Database;
	config?: LogsConfig;
	/** alert delivery to an admin hook (the hooks service's `deliverToHook`); alerts are only recorded without it */
	notify?: AlertNotify;
	hookExists?: (id: string) => boolean;
}

export interface Monitoring {
	logs: LogStore;
	alerts: Alerts;
	/** Counts an event other services report, e.g. `count('hooks.failed')` from the webhook deliveries. */
	count(name: string): void;
	/** Applies retention now: archives and deletes what is past it. */
	retain(): { entries: number; requests: number; groups: number; archive: string | null };
	/** Mounts the request log, `/logs` and `/alerts`. */
	mount(app: Hono, isApiPath: (pathname: string) => boolean): void;
	/** Starts alert evaluation (every minute) and retention (every hour). */
	start(): void;
	stop(): void;
}

const DAY = 86_400_000;

/**
 * The relay's monitoring: client logs, error groups, its own request log, retention and alerts,
 * in its own `logs_` and `alerts_` tables.
 *
 * @example
 * const monitoring = createMonitoring({ db: new Database('data/relay.sqlite') }, { tokens, adminToken, now: Date.now });
 * monitoring.mount(app, isApiPath);
 */
export function createMonitoring(
	deps: MonitoringDeps,
	{
		tokens,
		adminToken,
		now,
		onError = console.error
	}: { tokens: TokenSigner; adminToken: string; now: () => number; onError?: (e: unknown) => void }
): Monitoring {
	const db = deps.db ?? new Database(':memory:');
	const config = deps.config ?? DEFAULT_LOGS_CONFIG;
	const logs = createLogStore(db);
	const alerts = createAlerts({
		store: createAlertStore(db),
		logs,
		notify: deps.notify ?? (() => {}),
		now,
		slowMs: config.slowMs,
		onError
	});
	const timers: (() => void)[] = [];

	const evaluateSafely = () => {
		try {
			alerts.evaluate();
		} catch (error) {
			onError(error);
		}
	};

	const retain = () => {
		const t = now();
		let archive: string | null = null;
		const result = logs.expire(
			{
				entries: t - config.retentionDays * DAY,
				errors: t - config.errorRetentionDays * DAY,
				requests: t - config.requestRetentionDays * DAY
			},
			config.archiveDir ? (rows) => void (archive = archiveEntries(config.archiveDir!, rows)) : undefined
		);
		return { ...result, archive };
	};

	return {
		logs,
		alerts,
		count: (name) => logs.count(name, now()),
		retain,
		mount(app, isApiPath) {
			app.use('*', requestLog({ record: logs.recordRequest, now, isExcluded: (p) => !isApiPath(p), onError }));
			app.route('/logs', createLogRoutes({ store: logs, tokens, adminToken, config, now, onErrors: evaluateSafely }));
			app.route('/alerts', createAlertRoutes({ alerts, adminToken, hookExists: deps.hookExists }));
		},
		start() {
			timers.push(alerts.start());
			const hourly = setInterval(() => {
				try {
					retain();
				} catch (error) {
					onError(error);
				}
			}, 3_600_000);
			hourly.unref?.();
			timers.push(() => clearInterval(hourly));
		},
		stop() {
			for (const stop of timers.splice(0)) stop();
		}
	};
}
