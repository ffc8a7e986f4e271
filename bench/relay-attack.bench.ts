import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startRelayProcess, type RelayProcess } from './lib/relay-process';

// The relay under the probe's attacks (issue 14), as its own process so its RSS is its own.
// BENCH_RELAY_ROOT runs another checkout's server/ (e.g. the commit before the limits) for a
// before/after table; BENCH_CONNS is the size of the fan-out room.
const root = process.env.BENCH_RELAY_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CONNS = Number(process.env.BENCH_CONNS ?? 300);
const secret = 'bench-secret-bench-secret-bench-secret';
process.setMaxListeners(0);

const startRelay = (dataDir: string) =>
	startRelayProcess(root, { DATA_DIR: dataDir, RELAY_SECRET: secret, RELAY_MAX_CONNECTIONS_PER_ADDRESS: String(CONNS + 50) });

async function createRoom(relay: RelayProcess): Promise<{ room: string; token: string }> {
	const res = await fetch(`${relay.origin}/rooms`, { method: 'POST' });
	return (await res.json()) as { room: string; token: string };
}

/** A raw socket that counts what it receives; `read: false` never reads (a slow reader). */
function rawSocket(relay: RelayProcess, room: string, token: string, read = true) {
	const ws = new WebSocket(`${relay.wsUrl}/${room}?token=${token}`);
	let received = 0;
	const opened = new Promise<boolean>((resolve) => {
		ws.once('open', () => {
			if (!read) ws.pause();
			resolve(true);
		});
		ws.once('error', () => resolve(false));
		ws.once('unexpected-response', () => resolve(false));
	});
	ws.on('message', (data: Buffer) => (received += data.byteLength));
	return { ws, opened, received: () => received };
}

function awareness(id: number, state: unknown, clock = 1): Uint8Array {
	const update = encoding.createEncoder();
	encoding.writeVarUint(update, 1);
	encoding.writeVarUint(update, id);
	encoding.writeVarUint(update, clock);
	encoding.writeVarString(update, JSON.stringify(state));
	const message = encoding.createEncoder();
	encoding.writeVarUint(message, 1);
	encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
	return encoding.toUint8Array(message);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

// The prober is its own process: in this one, 300 busy sockets would delay its timers too.
const PROBER = `
const url = process.argv[1]; const times = []; let on = true;
process.on('SIGTERM', () => { on = false; });
while (on) {
	const t0 = performance.now();
	const ok = await fetch(url, { signal: AbortSignal.timeout(5000) }).then((r) => r.ok, () => false);
	times.push(ok ? performance.now() - t0 : 5000);
	await new Promise((r) => setTimeout(r, 20));
}
process.stdout.write(JSON.stringify(times));
`;

/** Samples RSS and /health latency (from another process) while `attack` runs. */
async function measure(relay: RelayProcess, attack: () => Promise<void>) {
	const base = relay.rssMiB();
	let peak = base;
	const rss = setInterval(() => {
		if (relay.child.exitCode === null) peak = Math.max(peak, relay.rssMiB());
	}, 25);
	const prober = spawn(process.execPath, ['--input-type=module', '-e', PROBER, `${relay.origin}/health`], {
		stdio: ['ignore', 'pipe', 'inherit']
	});
	let out = '';
	prober.stdout!.on('data', (d: Buffer) => (out += d.toString()));
	const exited = new Promise((resolve) => prober.once('exit', resolve));
	await attack();
	prober.kill('SIGTERM');
	await exited;
	clearInterval(rss);
	const health = (JSON.parse(out || '[]') as number[]).sort((a, b) => a - b);
	return { growth: peak - base, p99: quantile(health, 0.99), samples: health.length };
}

/** Time for a fresh y-websocket client in an unrelated room to join and sync. */
async function reconnectMs(relay: RelayProcess): Promise<number> {
	const { room, token } = await createRoom(relay);
	const t0 = performance.now();
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(relay.wsUrl, room, doc, {
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
		params: { token },
		disableBc: true
	});
	const done = await Promise.race([
		new Promise<boolean>((resolve) => provider.on('sync', (s: boolean) => s && resolve(true))),
		sleep(10_000).then(() => false)
	]);
	provider.destroy();
	doc.destroy();
	return done ? performance.now() - t0 : Infinity;
}

// 1. Many presence ids with big states from one socket, then a reader that asks for all of them
// 60 times and never reads.
async function queryFlood(relay: RelayProcess) {
	const { room, token } = await createRoom(relay);
	const spammer = rawSocket(relay, room, token);
	await spammer.opened;
	const big = { name: 'x'.repeat(60_000) };
	for (let id = 1; id <= 200 && spammer.ws.readyState === WebSocket.OPEN; id++) spammer.ws.send(awareness(id, big));
	await sleep(500);
	const reader = rawSocket(relay, room, token, false);
	await reader.opened;
	for (let i = 0; i < 60; i++) reader.ws.send(new Uint8Array([3]));
	await sleep(8000);
	spammer.ws.terminate();
	reader.ws.terminate();
}

// 2. A room of CONNS readers; one member sends presence updates as fast as it can: 20 of 60 KB
// (the probe's), then 200 of 1.5 KB (under the state cap, so only the rate limit holds them).
async function fanOutRoom(relay: RelayProcess) {
	const { room, token } = await createRoom(relay);
	const readers = Array.from({ length: CONNS }, () => rawSocket(relay, room, token));
	const admitted = (await Promise.all(readers.map((r) => r.opened))).filter(Boolean).length;
	await sleep(500);
	return {
		admitted,
		close: () => readers.forEach((r) => r.ws.terminate()),
		async attack(count: number, bytes: number) {
			const before = readers.reduce((sum, r) => sum + r.received(), 0);
			const sender = rawSocket(relay, room, token);
			await sender.opened;
			for (let clock = 1; clock <= count; clock++) sender.ws.send(awareness(424242 + bytes, { name: 'y'.repeat(bytes) }, clock));
			await sleep(5000);
			sender.ws.terminate();
			return readers.reduce((sum, r) => sum + r.received(), 0) - before;
		}
	};
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'sieve-relay-attack-'));
const relay = await startRelay(dataDir);
try {
	await sleep(500);
	console.log(`relay at ${root}, idle RSS ${relay.rssMiB().toFixed(0)} MiB`);
	const q = await measure(relay, () => queryFlood(relay));
	console.log(`query-awareness flood: RSS +${q.growth.toFixed(0)} MiB, /health p99 ${q.p99.toFixed(1)} ms (${q.samples} probes)`);
	const fan = await fanOutRoom(relay);
	for (const [count, bytes] of [
		[20, 60_000],
		[200, 1_500]
	] as const) {
		let output = 0;
		const f = await measure(relay, async () => void (output = await fan.attack(count, bytes)));
		console.log(
			`awareness fan-out (${fan.admitted} of ${CONNS} sockets admitted, ${count} × ${bytes / 1000} KB): output ${(output / 1e6).toFixed(1)} MB in 5 s, RSS +${f.growth.toFixed(0)} MiB, /health p99 ${f.p99.toFixed(1)} ms`
		);
	}
	fan.close();
	console.log(`fresh client joins another room and syncs in ${(await reconnectMs(relay)).toFixed(0)} ms after the attacks`);
} finally {
	await relay.stop('SIGKILL');
	rmSync(dataDir, { recursive: true, force: true });
}
