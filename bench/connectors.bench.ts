import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../server/app';
import { DEFAULT_CONFIG } from '../server/config';
import { DEFAULT_CONNECTORS_CONFIG } from '../server/connectors/config';
import { kobo } from '../server/connectors/kobo/index';
import { startPull, type RunDeps } from '../server/connectors/run';
import { createSqliteSyncLog } from '../server/connectors/sync-log';
import type { CreateRoomResponse } from '../server/protocol/rooms';
import { createMemoryRoomStore } from '../server/store/memory';
import { KOBO_TOKEN, KOBO_UID, startKobo } from '../tests/support/platforms/kobo';

// Pull throughput (submissions per second) from a local Kobo stand-in, directly as `sieve pull`
// runs the connector and through the relay's streaming route; then the wall time of real retries.
const N = Number(process.env.BENCH_SUBMISSIONS ?? 20_000);
const server = await startKobo(N);
const req = { baseUrl: server.url, credentials: { token: KOBO_TOKEN }, form: KOBO_UID };
const deps = (): RunDeps => ({
	fetch,
	sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
	random: Math.random,
	now: Date.now,
	retry: { maxRetries: 5, baseMs: 500, maxMs: 60_000 },
	timeoutMs: 60_000,
	pageSize: 1000,
	room: null,
	log: () => {}
});

async function direct(): Promise<number> {
	const t = performance.now();
	let bytes = 0;
	for await (const c of (await startPull(kobo, req, deps())).chunks) bytes += c.length;
	if (!bytes) throw new Error('nothing pulled');
	return performance.now() - t;
}

async function relayed(): Promise<number> {
	const relay = createApp(
		{ ...DEFAULT_CONFIG, version: 'bench', staticDir: '/none', secret: 'bench-secret-bench-secret-bench-secret', adminToken: 'x' },
		{
			store: createMemoryRoomStore(),
			connectors: {
				config: { ...DEFAULT_CONNECTORS_CONFIG, allow: ['127.0.0.1'] },
				log: createSqliteSyncLog({ file: path.join(mkdtempSync(path.join(tmpdir(), 'sieve-bench-')), 'relay.sqlite') })
			}
		}
	);
	const room = (await (await relay.app.request('/rooms', { method: 'POST' })).json()) as CreateRoomResponse;
	const t = performance.now();
	const res = await relay.app.request('/connectors/kobo/pull', {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: `Bearer ${room.token}` },
		body: JSON.stringify(req)
	});
	await res.text();
	return performance.now() - t;
}

const rate = (ms: number) => Math.round(N / (ms / 1000)).toLocaleString();
const d = await direct();
const r = await relayed();
const small = await startKobo(100);
small.fail(/\/data\/$/, { status: 429, retryAfter: '1' }, { status: 500 });
const t = performance.now();
for await (const _ of (await startPull(kobo, { ...req, baseUrl: small.url }, deps())).chunks);
const retryMs = performance.now() - t;
console.log(`| what | submissions | ms | submissions/s |`);
console.log(`|---|---|---|---|`);
console.log(`| connector (sieve pull path), pages of 1000 | ${N} | ${Math.round(d)} | ${rate(d)} |`);
console.log(`| relay POST /connectors/kobo/pull, streamed | ${N} | ${Math.round(r)} | ${rate(r)} |`);
console.log(`| 100 submissions after a 429 (Retry-After: 1) and a 500 (backoff 0-500 ms) | 100 | ${Math.round(retryMs)} | |`);
await server.close();
await small.close();
