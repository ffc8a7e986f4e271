import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { migrate } from '../../../app/lib/collab/doc';
import { addComment, proposeDecisions, readComments, readDecisions, reviewDecisions } from '../../../app/lib/collab/ops';
import { RoomLink } from '../../../app/lib/collab/provider';
import { startRelay, until, type RunningRelay } from '../server/relay-harness';

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
	for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function relay() {
	const r = await startRelay();
	cleanup.push(async () => {
		await r.stop();
		expect(r.errors).toEqual([]);
	});
	return r;
}

function join(r: RunningRelay, room: string, token: string) {
	const doc = new Y.Doc();
	migrate(doc);
	const link = new RoomLink(doc, {
		serverUrl: r.wsUrl,
		room,
		token,
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket
	});
	cleanup.push(() => (link.destroy(), doc.destroy()));
	return { doc, link };
}

const connected = (c: { link: RoomLink }) => until(() => c.link.state === 'connected' && c.link.synced);
const ids = (doc: Y.Doc) =>
	readDecisions(doc)
		.map((d) => `${d.author}:${d.target.respondent}:${d.status}`)
		.sort();

describe('project doc through the real relay', () => {
	it('offline edits on both sides converge on reconnect', async () => {
		const r = await relay();
		const { room, token } = await r.createRoom();
		const owner = join(r, room, token);
		const reviewer = join(r, room, await r.invite(room, token, 'reviewer'));
		await Promise.all([connected(owner), connected(reviewer)]);

		const [shared] = proposeDecisions(reviewer.doc, { name: 'rev' }, [{ target: { respondent: 1 }, action: 'exclude', reason: 'speeder' }]);
		await until(() => readDecisions(owner.doc).length === 1);

		owner.link.disconnect();
		reviewer.link.disconnect();
		await until(() => owner.link.state === 'disconnected' && reviewer.link.state === 'disconnected');
		reviewDecisions(owner.doc, { name: 'own' }, [shared], 'approved');
		proposeDecisions(owner.doc, { name: 'own' }, [{ target: { respondent: 2 }, action: 'keep', reason: 'ok' }]);
		proposeDecisions(reviewer.doc, { name: 'rev' }, [{ target: { respondent: 3 }, action: 'exclude', reason: 'bot' }]);
		addComment(reviewer.doc, { name: 'rev' }, { respondent: 3 }, 'what do you think @own');
		expect(ids(owner.doc)).not.toEqual(ids(reviewer.doc));

		owner.link.reconnect();
		reviewer.link.reconnect();
		const want = ['own:2:proposed', 'rev:1:approved', 'rev:3:proposed'];
		await until(
			() => ids(owner.doc).join() === want.join() && ids(reviewer.doc).join() === want.join() && readComments(owner.doc).length === 1
		);
		expect(readDecisions(owner.doc)).toEqual(readDecisions(reviewer.doc));
		expect(Y.encodeStateVector(owner.doc)).toEqual(Y.encodeStateVector(reviewer.doc));

		const late = join(r, room, await r.invite(room, token, 'viewer'));
		await until(() => ids(late.doc).join() === want.join());
	});

	it('a viewer reads everything but changes nothing', async () => {
		const r = await relay();
		const { room, token } = await r.createRoom();
		const owner = join(r, room, token);
		const viewer = join(r, room, await r.invite(room, token, 'viewer'));
		await connected(owner);
		proposeDecisions(owner.doc, { name: 'own' }, [{ target: { respondent: 1 }, action: 'exclude', reason: 'bot' }]);
		await until(() => readDecisions(viewer.doc).length === 1);

		proposeDecisions(viewer.doc, { name: 'spy' }, [{ target: { respondent: 9 }, action: 'keep', reason: 'x' }]);
		addComment(viewer.doc, { name: 'spy' }, { respondent: 9 }, 'sneaky');
		const [id] = readDecisions(viewer.doc).map((d) => d.id);
		reviewDecisions(viewer.doc, { name: 'spy' }, [id], 'sent-back');
		// a sequence point: the relay handles one socket's frames in order, so once the owner sees the
		// viewer's later awareness change, the viewer's updates before it have been handled (and dropped)
		viewer.link.provider.awareness.setLocalStateField('mark', 1);
		await until(() => [...owner.link.provider.awareness.getStates().values()].some((s) => s.mark === 1));
		proposeDecisions(owner.doc, { name: 'own' }, [{ target: { respondent: 2 }, action: 'exclude', reason: 'bot' }]);
		await until(() => readDecisions(viewer.doc).some((d) => d.target.respondent === 2));

		const fresh = join(r, room, await r.invite(room, token, 'reviewer'));
		await connected(fresh);
		await until(() => readDecisions(fresh.doc).length === 2);
		expect(ids(fresh.doc)).toEqual(['own:1:proposed', 'own:2:proposed']);
		expect(readComments(fresh.doc)).toEqual([]);
		expect(ids(owner.doc)).toEqual(['own:1:proposed', 'own:2:proposed']);
	});

	// 2 s, not 1: the expiry is whole seconds, so a 1 s token can be refused at the handshake already
	it('reports an expired token and reconnects with a new one', async () => {
		let now = Date.now();
		const r = await startRelay({ now: () => now });
		cleanup.push(() => r.stop());
		const { room, token } = await r.createRoom();
		const res = await fetch(`${r.httpUrl}/rooms/${room}/invites`, {
			method: 'POST',
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ role: 'reviewer', ttlSeconds: 2 })
		});
		const short = ((await res.json()) as { token: string }).token;
		const c = join(r, room, short);
		await until(() => c.link.state === 'expired');
		expect(c.link.closeReason).toMatch(/expired/);
		now = Date.now();
		c.link.reconnect(await r.invite(room, token, 'reviewer'));
		await connected(c);
	});
});
