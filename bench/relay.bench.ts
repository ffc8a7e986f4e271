import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createTokenSigner } from '../server/rooms/tokens';
import { startRelayProcess, type RelayProcess } from './lib/relay-process';

// The relay runs as its own process (as `npm start` runs it) so its RSS is not mixed with the
// 400 clients this script holds.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const UPDATES = 500;
const ROOMS = Number(process.env.BENCH_ROOMS ?? 200);
const DECISIONS_PER_ROOM = 100;
const COMMENTS_PER_ROOM = 20;
const secret = 'bench-secret-bench-secret-bench-secret';
const tokens = createTokenSigner({ secret });
// y-websocket adds one process 'exit' listener per provider
process.setMaxListeners(0);

const startRelay = (dataDir: string) => startRelayProcess(root, { DATA_DIR: dataDir, RELAY_SECRET: secret });

function connect(relay: RelayProcess, room: string, role: 'owner' | 'reviewer') {
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(relay.wsUrl, room, doc, {
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
		params: { token: tokens.issue(room, role, 3600).token },
		disableBc: true
	});
	const synced = new Promise<void>((resolve) => {
		if (provider.synced) resolve();
		provider.on('sync', (s: boolean) => s && resolve());
	});
	return { doc, provider, synced };
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function latency(relay: RelayProcess) {
	const a = connect(relay, 'latency', 'owner');
	const b = connect(relay, 'latency', 'reviewer');
	await Promise.all([a.synced, b.synced]);
	const decisions = a.doc.getMap('decisions');
	const seen = b.doc.getMap('decisions');
	const samples: number[] = [];
	for (let i = 0; i < UPDATES + 20; i++) {
		const arrived = new Promise<void>((resolve) => {
			const check = () => {
				if (seen.has(`r${i}`)) {
					seen.unobserve(check);
					resolve();
				}
			};
			seen.observe(check);
		});
		const t0 = performance.now();
		decisions.set(`r${i}`, { action: 'exclude', reason: 'speeder', author: 'a', time: Date.now() });
		await arrived;
		if (i >= 20) samples.push(performance.now() - t0);
	}
	for (const c of [a, b]) {
		c.provider.destroy();
		c.doc.destroy();
	}
	samples.sort((x, y) => x - y);
	return { median: quantile(samples, 0.5), p95: quantile(samples, 0.95), max: samples[samples.length - 1]! };
}

async function rooms(relay: RelayProcess) {
	const clients: Array<ReturnType<typeof connect>> = [];
	for (let r = 0; r < ROOMS; r++) {
		const room = `room-${r}`;
		const a = connect(relay, room, 'owner');
		const b = connect(relay, room, 'reviewer');
		clients.push(a, b);
		await Promise.all([a.synced, b.synced]);
		a.doc.transact(() => {
			const decisions = a.doc.getMap('decisions');
			for (let i = 0; i < DECISIONS_PER_ROOM; i++) {
				decisions.set(`r${i}`, { action: i % 3 ? 'keep' : 'exclude', reason: 'reviewed', author: 'a', time: 1_700_000_000_000 + i });
			}
		});
		const comments = b.doc.getArray('comments');
		for (let i = 0; i < COMMENTS_PER_ROOM; i++) comments.push([{ on: `r${i}`, text: `comment ${i} about respondent ${i}`, author: 'b' }]);
		a.provider.awareness.setLocalStateField('user', { name: `a${r}`, looking: 'r1' });
		b.provider.awareness.setLocalStateField('user', { name: `b${r}`, looking: 'r2' });
	}
	await Promise.all(
		clients.map(
			(c) =>
				new Promise<void>((resolve) => {
					const done = () =>
						c.doc.getArray('comments').length === COMMENTS_PER_ROOM && c.doc.getMap('decisions').size === DECISIONS_PER_ROOM;
					if (done()) return resolve();
					c.doc.on('update', () => done() && resolve());
				})
		)
	);
	const bytesPerRoom = Y.encodeStateAsUpdate(clients[0]!.doc).byteLength;
	return { clients, bytesPerRoom };
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'sieve-relay-bench-'));
const relay = await startRelay(dataDir);
try {
	const idle = relay.rssMiB();
	const lat = await latency(relay);
	console.log(`sync latency A → relay → B over ${UPDATES} sequential map updates (loopback, separate relay process):`);
	console.log(`  median ${lat.median.toFixed(2)} ms   p95 ${lat.p95.toFixed(2)} ms   max ${lat.max.toFixed(2)} ms`);

	const { clients, bytesPerRoom } = await rooms(relay);
	await new Promise((r) => setTimeout(r, 500));
	const loaded = relay.rssMiB();
	console.log(
		`relay RSS with ${ROOMS} open rooms × 2 clients (${DECISIONS_PER_ROOM} decisions + ${COMMENTS_PER_ROOM} comments each, ${bytesPerRoom} B of Yjs state per room):`
	);
	console.log(
		`  idle ${idle.toFixed(1)} MiB   loaded ${loaded.toFixed(1)} MiB   ≈ ${(((loaded - idle) * 1024) / ROOMS).toFixed(1)} KiB per room`
	);
	// awareness timers live until the doc is destroyed; provider.destroy() leaves them running
	for (const c of clients) {
		c.provider.destroy();
		c.doc.destroy();
	}
} finally {
	await relay.stop();
	rmSync(dataDir, { recursive: true, force: true });
}
