import Database from 'better-sqlite3';
import { createApp } from '../../../../server/app';
import type { LogsConfig } from '../../../../server/logs/config';
import type { AlertNotify } from '../../../../server/alerts/service';
import type { LogEntry } from '../../../../server/protocol/logs';
import { createMemoryRoomStore } from '../../../../server/store/memory';
import { ADMIN_TOKEN, testConfig } from '../relay-harness';

export const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
export const traceparent = (trace = TRACE) => `00-${trace}-00f067aa0ba902b7-01`;

/** The relay as `createApp` builds it, with a settable clock and its monitoring in an in-memory SQLite. */
export async function logsRelay(options: { config?: LogsConfig; notify?: AlertNotify; start?: number } = {}) {
	let t = options.start ?? Date.UTC(2026, 5, 1, 12);
	const db = new Database(':memory:');
	const relay = createApp(testConfig(), {
		store: createMemoryRoomStore(),
		now: () => t,
		monitoring: { db, config: options.config, notify: options.notify },
		onError: (e) => {
			throw e;
		}
	});
	const { app } = relay;
	const created = (await (await app.request('/rooms', { method: 'POST' })).json()) as { room: string; token: string };
	const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
	return {
		relay,
		app,
		db,
		room: created.room,
		token: created.token,
		admin,
		now: () => t,
		advance: (ms: number) => void (t += ms),
		post(entries: unknown, headers: Record<string, string> = {}) {
			return app.request('/logs', {
				method: 'POST',
				headers: { authorization: `Bearer ${created.token}`, 'content-type': 'application/json', traceparent: traceparent(), ...headers },
				body: typeof entries === 'string' ? entries : JSON.stringify(entries)
			});
		},
		async get<T>(path: string): Promise<T> {
			const res = await app.request(path, { headers: admin });
			if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
			return (await res.json()) as T;
		},
		/** An entry logged `agoMs` before the relay's now. */
		entry(message: string, level: LogEntry['level'] = 'info', agoMs = 0, extra: Partial<LogEntry> = {}): LogEntry {
			return { time: new Date(t - agoMs).toISOString(), level, message, ...extra };
		}
	};
}
