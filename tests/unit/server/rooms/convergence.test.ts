import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, startRelay, synced, until, type Client, type RunningRelay } from '../relay-harness';

// Random edits by several clients that drop off and reconnect at random: after everyone is back,
// every client and the relay's stored state are the same document.

function prng(seed: number) {
	let s = seed >>> 0;
	return () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let t = s;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const snapshot = (doc: Y.Doc) =>
	JSON.stringify({
		// Y.Map key order is each replica's local insertion order, so compare sorted
		decisions: Object.entries(doc.getMap('decisions').toJSON()).sort(([a], [b]) => a.localeCompare(b)),
		comments: doc.getArray('comments').toJSON()
	});

let running: RunningRelay | undefined;
const clients: Client[] = [];
afterEach(async () => {
	for (const c of clients.splice(0)) c.destroy();
	await running?.stop();
	running = undefined;
});

describe('relay convergence under random edits and disconnections', () => {
	for (const seed of [1, 7, 42, 1234]) {
		it(`seed ${seed}`, async () => {
			const random = prng(seed);
			const relay = (running = await startRelay({ config: { compactEvery: 17 } }));
			const { room, token } = await relay.createRoom();
			for (let i = 0; i < 4; i++) clients.push(connectClient(relay, room, token));
			await Promise.all(clients.map(synced));

			for (let step = 0; step < 200; step++) {
				const c = clients[Math.floor(random() * clients.length)]!;
				const r = random();
				if (r < 0.1) {
					if (c.provider.shouldConnect) c.provider.disconnect();
					else void c.provider.connect();
				} else if (r < 0.6) {
					c.doc.getMap('decisions').set(`r${Math.floor(random() * 30)}`, { action: random() < 0.5 ? 'keep' : 'exclude', step });
				} else if (r < 0.75) {
					c.doc.getMap('decisions').delete(`r${Math.floor(random() * 30)}`);
				} else {
					const comments = c.doc.getArray('comments');
					if (random() < 0.2 && comments.length > 0) comments.delete(Math.floor(random() * comments.length), 1);
					else comments.insert(Math.floor(random() * (comments.length + 1)), [`c${step}`]);
				}
				if (random() < 0.2) await new Promise((resolve) => setTimeout(resolve, 0));
			}
			for (const c of clients) if (!c.provider.shouldConnect) void c.provider.connect();
			await until(() => clients.every((c) => c.provider.synced && snapshot(c.doc) === snapshot(clients[0]!.doc)));

			const expected = snapshot(clients[0]!.doc);
			expect(clients.map((c) => snapshot(c.doc))).toEqual(clients.map(() => expected));
			for (const c of clients.splice(0)) c.destroy();
			await relay.relay.rooms.close();
			const stored = new Y.Doc();
			for (const u of await relay.store.load(room)) Y.applyUpdate(stored, u);
			expect(snapshot(stored)).toBe(expected);
			expect(relay.errors).toEqual([]);
		});
	}
});
