import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CLOSE_CODES, MESSAGE_AWARENESS, MESSAGE_SYNC } from '../../../../server/protocol/rooms';
import { createTokenSigner } from '../../../../server/rooms/tokens';
import { createSqliteRoomStore } from '../../../../server/store/sqlite';
import type { RoomStore } from '../../../../server/store/types';
import { SECRET, connectClient, handshake, startRelay, synced, until, type Client } from '../relay-harness';
import { syncMessage } from './raw-socket';
import { useRelayScope } from './test-scope';

const { cleanup, relayWith, client, rawSocket } = useRelayScope();

/** A SQLite store closed after the relays registered later in the test have stopped. */
function sqliteStore(file: string) {
	const store = createSqliteRoomStore({ file });
	cleanup.push(() => store.close());
	return store;
}

function tempDir() {
	const dir = mkdtempSync(path.join(tmpdir(), 'sieve-relay-'));
	cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
	return dir;
}

async function storedDoc(store: RoomStore, room: string): Promise<Y.Doc> {
	const doc = new Y.Doc();
	for (const update of await store.load(room)) Y.applyUpdate(doc, update);
	return doc;
}

describe('room websocket', () => {
	it('two clients editing at the same time converge through the relay', async () => {
		const relay = await relayWith();
		const { room, token } = await relay.createRoom();
		const reviewer = await relay.invite(room, token, 'reviewer');
		const a = client(relay, room, token);
		const b = client(relay, room, reviewer);
		await Promise.all([synced(a), synced(b)]);

		for (let i = 0; i < 20; i++) {
			a.doc.getMap('decisions').set(`r${i}`, { action: 'exclude', by: 'a' });
			b.doc.getMap('decisions').set(`r${i}`, { action: 'keep', by: 'b' });
			b.doc.getArray('comments').push([`b-${i}`]);
			a.doc.getArray('comments').push([`a-${i}`]);
		}
		const json = (c: Client) =>
			JSON.stringify([
				Object.entries(c.doc.getMap('decisions').toJSON()).sort(([x], [y]) => x.localeCompare(y)),
				c.doc.getArray('comments').toJSON()
			]);
		await until(() => a.doc.getArray('comments').length === 40 && json(a) === json(b));
		expect(a.doc.getMap('decisions').size).toBe(20);
		expect(json(a)).toBe(json(b));
	});

	it('a late joiner receives the room state', async () => {
		const relay = await relayWith();
		const { room, token } = await relay.createRoom();
		const a = client(relay, room, token);
		await synced(a);
		a.doc.getText('note').insert(0, 'hello');
		const b = client(relay, room, await relay.invite(room, token, 'reviewer'));
		await until(() => b.doc.getText('note').toString() === 'hello');
		expect(b.doc.getText('note').toString()).toBe('hello');
	});

	it('drops a hand-crafted update from a viewer: not applied, not forwarded, not persisted', async () => {
		const relay = await relayWith({ config: { idleUnloadMs: 0 } });
		const { room, token } = await relay.createRoom();
		const a = client(relay, room, token);
		const b = client(relay, room, await relay.invite(room, token, 'reviewer'));
		await Promise.all([synced(a), synced(b)]);
		a.doc.getMap('decisions').set('r2', 'exclude');
		await until(() => b.doc.getMap('decisions').has('r2'));

		const viewer = await rawSocket(relay, room, await relay.invite(room, token, 'viewer'));
		const evil = new Y.Doc();
		evil.getMap('decisions').set('r1', 'viewer-was-here');
		const update = Y.encodeStateAsUpdate(evil);
		viewer.send(syncMessage((e) => syncProtocol.writeUpdate(e, update)));
		viewer.send(syncMessage((e) => syncProtocol.writeSyncStep2(e, evil)));

		const seenByRelay = await viewer.relayState();
		expect(seenByRelay.getMap('decisions').toJSON()).toEqual({ r2: 'exclude' });

		a.doc.getMap('decisions').set('marker', 'after');
		await until(() => b.doc.getMap('decisions').has('marker'));
		expect(b.doc.getMap('decisions').has('r1')).toBe(false);
		expect(a.doc.getMap('decisions').has('r1')).toBe(false);

		a.destroy();
		b.destroy();
		viewer.ws.close();
		await viewer.closed;
		await until(() => relay.relay.rooms.loaded().length === 0);
		const persisted = await storedDoc(relay.store, room);
		expect(persisted.getMap('decisions').toJSON()).toEqual({ r2: 'exclude', marker: 'after' });
	});

	it('a viewer reads the room and shares presence, but its own edits stay local', async () => {
		const relay = await relayWith();
		const { room, token } = await relay.createRoom();
		const owner = client(relay, room, token);
		await synced(owner);
		owner.doc.getMap('decisions').set('r1', 'keep');
		const viewer = client(relay, room, await relay.invite(room, token, 'viewer'));
		await until(() => viewer.doc.getMap('decisions').get('r1') === 'keep');

		viewer.provider.awareness.setLocalStateField('user', { name: 'viv', looking: 'r1' });
		const viewerId = viewer.doc.clientID;
		await until(() => owner.provider.awareness.getStates().has(viewerId));
		expect(owner.provider.awareness.getStates().get(viewerId)).toEqual({ user: { name: 'viv', looking: 'r1' } });

		viewer.doc.getMap('decisions').set('r1', 'exclude');
		owner.doc.getMap('decisions').set('r9', 'keep');
		await until(() => viewer.doc.getMap('decisions').has('r9'));
		const probe = client(relay, room, token);
		await until(() => probe.doc.getMap('decisions').has('r9'));
		expect(probe.doc.getMap('decisions').get('r1')).toBe('keep');
		expect(owner.doc.getMap('decisions').get('r1')).toBe('keep');
	});

	it('refuses before the upgrade: no, expired, forged, tampered and other-room tokens', async () => {
		const relay = await relayWith();
		const { room, token } = await relay.createRoom();
		const other = await relay.createRoom();
		const past = createTokenSigner({ secret: SECRET, now: () => Date.now() - 10 * 86_400_000 });
		const expired = past.issue(room, 'owner', 86_400).token;
		const forged = createTokenSigner({ secret: 'another-secret-another-secret-012345' }).issue(room, 'owner', 3600).token;
		const [payload, sig] = (await relay.invite(room, token, 'viewer')).split('.');
		const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
		const tampered = `${Buffer.from(JSON.stringify({ ...claims, role: 'owner' })).toString('base64url')}.${sig}`;

		const url = (r: string, t?: string) => `${relay.wsUrl}/${r}${t === undefined ? '' : `?token=${t}`}`;
		expect(await handshake(url(room))).toEqual({ status: 401 });
		expect(await handshake(url(room, ''))).toEqual({ status: 401 });
		expect(await handshake(url(room, expired))).toEqual({ status: 401 });
		expect(await handshake(url(room, forged))).toEqual({ status: 401 });
		expect(await handshake(url(room, tampered))).toEqual({ status: 401 });
		expect(await handshake(url(room, 'garbage'))).toEqual({ status: 401 });
		expect(await handshake(url(room, other.token))).toEqual({ status: 403 });
		expect(await handshake(url('bad%20room', token))).toEqual({ status: 400 });
		expect(relay.relay.rooms.loaded()).toEqual([]);

		const ok = await handshake(url(room, token));
		expect('open' in ok).toBe(true);
		if ('open' in ok) ok.open.terminate();
	});

	it('closes the socket when its token expires', async () => {
		const relay = await relayWith();
		const { room } = await relay.createRoom();
		const shortLived = createTokenSigner({ secret: SECRET }).issue(room, 'reviewer', 1).token;
		const socket = await rawSocket(relay, room, shortLived);
		expect(await socket.closed).toBe(CLOSE_CODES.tokenExpired);
	});

	it('closes a socket that sends a malformed frame', async () => {
		const relay = await relayWith();
		const { room, token } = await relay.createRoom();
		const socket = await rawSocket(relay, room, token);
		socket.send(new Uint8Array([MESSAGE_SYNC, syncProtocol.messageYjsUpdate, 200]));
		expect(await socket.closed).toBe(CLOSE_CODES.badMessage);
	});

	it('closes a socket whose presence state is oversized, keeping the others', async () => {
		const relay = await relayWith();
		const { room, token } = await relay.createRoom();
		const watcher = client(relay, room, token);
		await synced(watcher);
		const socket = await rawSocket(relay, room, await relay.invite(room, token, 'viewer'));
		const presence = new awarenessProtocol.Awareness(new Y.Doc());
		presence.setLocalState({ name: 'x'.repeat(100_000) });
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
		encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(presence, [presence.clientID]));
		socket.send(encoding.toUint8Array(encoder));
		expect(await socket.closed).toBe(CLOSE_CODES.badMessage);
		presence.destroy();
		expect(watcher.provider.awareness.getStates().has(presence.clientID)).toBe(false);
		expect(watcher.provider.wsconnected).toBe(true);
	});

	it('refuses an update that would grow the room past MAX_ROOM_BYTES', async () => {
		const relay = await relayWith({ config: { maxRoomBytes: 4096 } });
		const { room, token } = await relay.createRoom();
		const watcher = client(relay, room, await relay.invite(room, token, 'reviewer'));
		await synced(watcher);
		const writer = await rawSocket(relay, room, token);
		const small = new Y.Doc();
		small.getMap('decisions').set('r1', 'keep');
		writer.send(syncMessage((e) => syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(small))));
		await until(() => watcher.doc.getMap('decisions').has('r1'));

		const big = new Y.Doc();
		big.getText('note').insert(0, 'x'.repeat(10_000));
		writer.send(syncMessage((e) => syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(big))));
		expect(await writer.closed).toBe(CLOSE_CODES.roomFull);

		const after = await rawSocket(relay, room, token);
		const state = await after.relayState();
		expect(state.getText('note').toString()).toBe('');
		expect(state.getMap('decisions').toJSON()).toEqual({ r1: 'keep' });
		expect(watcher.doc.getText('note').length).toBe(0);
	});

	it('unloads an idle room after persisting it as one compacted update, and reloads it on the next join', async () => {
		const relay = await relayWith({ config: { idleUnloadMs: 0 } });
		const { room, token } = await relay.createRoom();
		const a = client(relay, room, token);
		await synced(a);
		for (let i = 0; i < 10; i++) a.doc.getMap('decisions').set(`r${i}`, i);
		const b = client(relay, room, token);
		await until(() => b.doc.getMap('decisions').size === 10);
		expect(relay.relay.rooms.loaded()).toEqual([room]);
		a.destroy();
		b.destroy();
		await until(() => relay.relay.rooms.loaded().length === 0);
		expect(await relay.store.stat(room)).toMatchObject({ room, updates: 1 });

		const c = client(relay, room, token);
		await until(() => c.doc.getMap('decisions').size === 10);
		expect(c.doc.getMap('decisions').get('r7')).toBe(7);
	});

	it('keeps room state across a relay restart on the same data directory', async () => {
		const dir = tempDir();
		const file = path.join(dir, 'relay.sqlite');
		const first = await startRelay({ store: createSqliteRoomStore({ file }) });
		const { room, token } = await first.createRoom();
		const a = connectClient(first, room, token);
		const b = connectClient(first, room, token);
		await Promise.all([synced(a), synced(b)]);
		a.doc.getMap('decisions').set('r1', { action: 'exclude', reason: 'speeder' });
		b.doc.getArray('comments').push(['bot?']);
		await until(() => a.doc.getArray('comments').length === 1 && b.doc.getMap('decisions').has('r1'));
		a.destroy();
		b.destroy();
		await first.stop();
		await first.store.close();
		expect(first.errors).toEqual([]);

		const second = await relayWith({ store: sqliteStore(file) });
		const c = client(second, room, token);
		await until(() => c.doc.getArray('comments').length === 1);
		expect(c.doc.getMap('decisions').toJSON()).toEqual({ r1: { action: 'exclude', reason: 'speeder' } });
		expect(c.doc.getArray('comments').toJSON()).toEqual(['bot?']);
	});

	it('keeps acknowledged updates when the relay dies without a graceful shutdown', async () => {
		const dir = tempDir();
		const file = path.join(dir, 'relay.sqlite');
		const crashed = await relayWith({ store: sqliteStore(file) });
		const { room, token } = await crashed.createRoom();
		const a = client(crashed, room, token);
		const b = client(crashed, room, token);
		await Promise.all([synced(a), synced(b)]);
		a.doc.getMap('decisions').set('r5', 'set-missing');
		await until(() => b.doc.getMap('decisions').has('r5'));

		// the first relay is never closed: a second one opens the same file, as after a kill -9
		const second = await relayWith({ store: sqliteStore(file) });
		const c = client(second, room, token);
		await until(() => c.doc.getMap('decisions').has('r5'));
		expect(c.doc.getMap('decisions').get('r5')).toBe('set-missing');
	});

	it('compacts the stored updates of a busy room periodically, without losing any', async () => {
		const relay = await relayWith({ config: { compactEvery: 5 } });
		const { room, token } = await relay.createRoom();
		const a = client(relay, room, token);
		const b = client(relay, room, token);
		await Promise.all([synced(a), synced(b)]);
		for (let i = 0; i < 23; i++) a.doc.getMap('decisions').set(`r${i}`, i);
		await until(() => b.doc.getMap('decisions').size === 23);
		const stat = await relay.store.stat(room);
		expect(stat!.updates).toBeLessThanOrEqual(6);
		const persisted = await storedDoc(relay.store, room);
		expect(persisted.getMap('decisions').toJSON()).toEqual(a.doc.getMap('decisions').toJSON());
	});

	it('clients that stay open across a relay restart resync, including edits made while it was down', async () => {
		const file = path.join(tempDir(), 'relay.sqlite');
		const first = await startRelay({ store: createSqliteRoomStore({ file }) });
		const { room, token } = await first.createRoom();
		const a = connectClient(first, room, token);
		const b = connectClient(first, room, token);
		cleanup.push(
			() => a.destroy(),
			() => b.destroy()
		);
		await Promise.all([synced(a), synced(b)]);
		a.doc.getMap('decisions').set('before', 1);
		await until(() => b.doc.getMap('decisions').has('before'));

		await first.stop();
		await first.store.close();
		await until(() => !a.provider.wsconnected && !b.provider.wsconnected);
		a.doc.getMap('decisions').set('while-down-a', 2);
		b.doc.getArray('comments').push(['while-down-b']);

		await relayWith({ store: sqliteStore(file), port: first.port });
		await until(() => a.doc.getArray('comments').length === 1 && b.doc.getMap('decisions').has('while-down-a'));
		expect(a.doc.getMap('decisions').toJSON()).toEqual({ before: 1, 'while-down-a': 2 });
		expect(b.doc.getMap('decisions').toJSON()).toEqual({ before: 1, 'while-down-a': 2 });
		expect(b.doc.getArray('comments').toJSON()).toEqual(['while-down-b']);
		expect(first.errors).toEqual([]);
	});
});
