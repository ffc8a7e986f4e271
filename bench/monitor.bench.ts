/**
 * Monitoring (issue 20): the client logger's cost per entry (redaction, fingerprint, ring-buffer
 * write into fake IndexedDB in Node; a real browser's IndexedDB is slower per write but the
 * writes are batched per tick) and the relay's ingest rate for `POST /logs` batches of 10 and 100.
 * `npx tsx bench/monitor.bench.ts [ENTRIES]` (default 20,000).
 */
import 'fake-indexeddb/auto';
import Database from 'better-sqlite3';
import { LogDb } from '../app/lib/monitor/log-db';
import { createLogger } from '../app/lib/monitor/logger';
import { createLogRing } from '../app/lib/monitor/ring';
import type { LocalLogEntry } from '../app/lib/monitor/types';
import { createApp } from '../server/app';
import { DEFAULT_CONFIG } from '../server/config';
import { DEFAULT_LOGS_CONFIG } from '../server/logs/config';
import { createMemoryRoomStore } from '../server/store/memory';

const N = Number(process.argv[2] ?? 20_000);
const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const rows: string[] = [];
const report = (label: string, ms: number, n: number) =>
	rows.push(
		`${label.padEnd(44)} ${(ms / n).toFixed(4).padStart(10)} ms/entry ${Math.round((n / ms) * 1000)
			.toLocaleString('en')
			.padStart(12)} entries/s`
	);

{
	const sink: LocalLogEntry[] = [];
	const log = createLogger({ sink: (e) => sink.push(e), trace: TRACE, source: 'bench' });
	let t = performance.now();
	for (let i = 0; i < N; i++) log.info('check finished', { check: 'speeders', durationMs: i % 900, flagged: i % 7, rows: 120_000 });
	report('logger: info with context (no sink cost)', performance.now() - t, N);
	const error = new TypeError('cannot read row 12 of "wave 3.sav" for jo@example.org');
	t = performance.now();
	for (let i = 0; i < N; i++) log.error('check failed', error, { check: 'gibberish', password: 'x' });
	report('logger: error with stack + fingerprint', performance.now() - t, N);
}
{
	const db = new LogDb('bench-logs');
	const ring = createLogRing({ db, maxEntries: 5000 });
	const log = createLogger({ sink: (e) => ring.add(e), trace: TRACE, source: 'bench' });
	const t = performance.now();
	for (let i = 0; i < N; i++) log.info('check finished', { check: 'speeders', durationMs: i % 900 });
	await ring.flush();
	report(`logger + ring buffer (fake IndexedDB, cap 5,000)`, performance.now() - t, N);
	console.log(`ring after ${N.toLocaleString('en')} entries:`, await ring.stats());
	await db.delete();
}
for (const batch of [10, 100]) {
	const relay = createApp(
		{ ...DEFAULT_CONFIG, version: 'bench', staticDir: '/none', secret: 'bench-secret-bench-secret-bench-secret', adminToken: 'admin' },
		{
			store: createMemoryRoomStore(),
			monitoring: { db: new Database(':memory:'), config: { ...DEFAULT_LOGS_CONFIG, postsPerMinute: 1e9 } }
		}
	);
	const { token } = (await (await relay.app.request('/rooms', { method: 'POST' })).json()) as { token: string };
	const entries = Array.from({ length: batch }, (_, i) => ({
		time: new Date().toISOString(),
		level: i % 10 ? 'info' : 'error',
		message: `check finished ${i}`,
		context: { check: 'speeders', durationMs: i },
		...(i % 10 ? {} : { error: { name: 'Error', message: `failure ${i}`, stack: 'Error\n    at run (a.js:1:1)' } })
	}));
	const body = JSON.stringify(entries);
	const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json', traceparent: `00-${TRACE}-00f067aa0ba902b7-01` };
	const requests = Math.ceil(N / batch);
	const t = performance.now();
	for (let i = 0; i < requests; i++) {
		const res = await relay.app.request('/logs', { method: 'POST', headers, body });
		if (res.status !== 202) throw new Error(`POST /logs: ${res.status}`);
	}
	report(`relay ingest, batches of ${batch} (10 % errors)`, performance.now() - t, requests * batch);
	await relay.close();
}
console.log(rows.join('\n'));
