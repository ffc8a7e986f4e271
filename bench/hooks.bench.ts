// Webhook delivery through the real relay: latency from `POST /events` answered to the signed request
// arriving at a local receiver (one at a time, then a burst), and how closely retries keep to a
// short schedule (RELAY_HOOKS_SCHEDULE-style delays, real timers). Loopback only.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from '../server/app';
import { DEFAULT_CONFIG } from '../server/config';
import { DEFAULT_HOOKS_CONFIG } from '../server/hooks/config';
import { createHookService } from '../server/hooks/service';
import { parseAllowList } from '../server/hooks/ssrf';
import { createSqliteHookStore } from '../server/hooks/store';
import type { CreateHookResponse, QueuedResponse } from '../server/protocol/hooks';
import type { CreateRoomResponse } from '../server/protocol/rooms';
import { createMemoryRoomStore } from '../server/store/memory';

const SEQUENTIAL = 100;
const BURST = 1000;
const SCHEDULE = [0, 0.25, 0.5, 1];

const arrived = new Map<string, number>();
let failNext = 0;
const receiver = createServer((req, res) => {
	req.resume();
	req.on('end', () => {
		const id = String(req.headers['webhook-id']);
		if (failNext > 0) {
			failNext--;
			arrived.set(`${id}#${performance.now()}`, performance.now());
			return res.writeHead(503).end();
		}
		arrived.set(id, performance.now());
		res.writeHead(204).end();
	});
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const target = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

const dir = mkdtempSync(path.join(tmpdir(), 'sieve-hooks-bench-'));
const store = createSqliteHookStore({ file: path.join(dir, 'relay.sqlite') });
const hooks = createHookService({ store, config: { ...DEFAULT_HOOKS_CONFIG, schedule: SCHEDULE, allow: parseAllowList('127.0.0.1') } });
hooks.start();
const config = {
	...DEFAULT_CONFIG,
	version: 'bench',
	staticDir: '/nonexistent',
	secret: 'bench-secret-bench-secret-bench-secret-00',
	adminToken: 'bench-admin'
};
const relay = createApp(config, { store: createMemoryRoomStore(), hooks });
const server = await new Promise<ServerType>((resolve) => {
	const s = serve({ fetch: relay.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
});
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const { room, token } = (await (await fetch(`${origin}/rooms`, { method: 'POST' })).json()) as CreateRoomResponse;
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
await fetch(`${origin}/hooks`, {
	method: 'POST',
	headers,
	body: JSON.stringify({ room, url: target, format: 'generic', events: ['check-run.finished'] })
}).then((r) => r.json() as Promise<CreateHookResponse>);

const report = async (i: number) => {
	const res = await fetch(`${origin}/events`, {
		method: 'POST',
		headers,
		body: JSON.stringify({ room, type: 'check-run.finished', data: { run: i } })
	});
	return { id: ((await res.json()) as QueuedResponse).queued[0]!, at: performance.now() };
};
const waitFor = async (ids: string[]) => {
	while (!ids.every((id) => arrived.has(id))) await new Promise((r) => setTimeout(r, 1));
};
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

const latencies: number[] = [];
for (let i = 0; i < SEQUENTIAL; i++) {
	const { id, at } = await report(i);
	await waitFor([id]);
	latencies.push(arrived.get(id)! - at);
}

// the limit is 120 events a minute per room: a burst goes through emit() as one check run's worth would
const t0 = performance.now();
const burst = Array.from({ length: BURST }, (_, i) => hooks.emit(room, 'check-run.finished', { run: i })[0]!);
await waitFor(burst);
const burstMs = performance.now() - t0;

failNext = SCHEDULE.length - 1;
const before = arrived.size;
const { id: retried, at: retryStart } = await report(-1);
await waitFor([retried]);
const attempts = [...arrived.entries()]
	.slice(before)
	.map(([, t]) => t - retryStart)
	.sort((a, b) => a - b);

console.log('| measure | value |');
console.log('| --- | --- |');
console.log(
	`| delivery latency, ${SEQUENTIAL} events one at a time (p50 / p95 / max) | ${pct(latencies, 0.5).toFixed(1)} / ${pct(latencies, 0.95).toFixed(1)} / ${Math.max(...latencies).toFixed(1)} ms |`
);
console.log(
	`| burst of ${BURST} events queued at once, all delivered | ${burstMs.toFixed(0)} ms (${((BURST / burstMs) * 1000).toFixed(0)} deliveries/s) |`
);
console.log(`| retry schedule ${SCHEDULE.join(', ')} s ±20 %: attempts at | ${attempts.map((t) => (t / 1000).toFixed(3)).join(', ')} s |`);

await hooks.stop();
await relay.close();
server.close();
receiver.close();
store.close();
rmSync(dir, { recursive: true, force: true });
