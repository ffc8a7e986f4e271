import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { readConfig, writeConfig } from '../../../app/lib/collab/config';
import { publishConfig, startConfigSync } from '../../../app/lib/collab/config-sync';
import { configOf, migrate } from '../../../app/lib/collab/doc';
import { RoomLink } from '../../../app/lib/collab/provider';
import type { SieveConfig } from '../../../app/lib/engine/api';
import { loadChains } from '../../../app/lib/store/audit-store';
import { SieveDb } from '../../../app/lib/store/db';
import { receiveProjectConfig, saveProjectConfig } from '../../../app/lib/store/project-config';
import { createProject } from '../../../app/lib/store/projects';
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

const PROJECT = 'b5d7c1de-0000-4000-8000-000000000001';
let n = 0;

/** One collaborator's browser: its own Dexie (fake-indexeddb), its project doc linked to the room, the config sync running. */
async function browser(r: RunningRelay, room: string, token: string, role: 'owner' | 'reviewer' | 'viewer', config: SieveConfig | null) {
	const db = new SieveDb(`config-sync-${n++}`);
	cleanup.push(() => db.delete());
	await createProject(db, 'Wave 1', PROJECT);
	if (config) await db.projects.update(PROJECT, { config });
	const doc = new Y.Doc();
	migrate(doc);
	const link = new RoomLink(doc, {
		serverUrl: r.wsUrl,
		room,
		token,
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket
	});
	cleanup.push(() => (link.destroy(), doc.destroy()));
	let stored: SieveConfig | null = config;
	const stop = startConfigSync({
		doc,
		local: () => stored,
		canWrite: () => role !== 'viewer',
		apply: async (c) => {
			await receiveProjectConfig(db, PROJECT, c);
			stored = c;
		}
	});
	cleanup.push(stop);
	await until(() => link.state === 'connected' && link.synced);
	return {
		db,
		doc,
		link,
		stored: () => stored,
		/** What Setup's Save does: audited store, then the doc (never for a viewer). */
		async save(next: SieveConfig) {
			await saveProjectConfig(db, PROJECT, stored ?? {}, next);
			stored = next;
			publishConfig(doc, role !== 'viewer', next);
		}
	};
}

async function eventually(check: () => Promise<boolean>): Promise<void> {
	while (!(await check())) await new Promise((r) => setTimeout(r, 10));
}

const eventTypes = async (db: SieveDb) => (await loadChains(db, PROJECT)).flatMap((c) => c.events.map((e) => e.type));

describe('project CONFIG through the real relay', () => {
	it('a reviewer adds a rule; the owner sees it, stored, audited by the reviewer only', async () => {
		const r = await relay();
		const { room, token } = await r.createRoom();
		const base: SieveConfig = { id: 'resp', scoring: { review: 85, remove: 50 } };
		const owner = await browser(r, room, token, 'owner', base);
		// the owner's stored settings went into the doc when the sync started
		expect(readConfig(owner.doc)).toEqual(base);
		const reviewer = await browser(r, room, await r.invite(room, token, 'reviewer'), 'reviewer', null);
		await eventually(async () => (await reviewer.db.projects.get(PROJECT))?.config?.id === 'resp');

		const rule = { id: 'kids', when: 'hh_size < n_children', severity: 'error' as const, message: 'more children than people' };
		await reviewer.save({ ...reviewer.stored()!, rules: [rule] });

		await eventually(async () => (await owner.db.projects.get(PROJECT))?.config?.rules?.length === 1);
		expect((await owner.db.projects.get(PROJECT))!.config).toEqual({ ...base, rules: [rule] });
		expect(owner.stored()).toEqual({ ...base, rules: [rule] });
		expect(await eventTypes(reviewer.db)).toContain('rule-change');
		expect(await eventTypes(owner.db)).not.toContain('rule-change');
		expect(await eventTypes(owner.db)).not.toContain('setting-change');
	});

	it('a viewer changes nothing: its doc write is dropped by the relay', async () => {
		const r = await relay();
		const { room, token } = await r.createRoom();
		const base: SieveConfig = { id: 'resp', rules: [{ id: 'r1', when: 'age < 18' }] };
		const owner = await browser(r, room, token, 'owner', base);
		const viewer = await browser(r, room, await r.invite(room, token, 'viewer'), 'viewer', null);
		await eventually(async () => (await viewer.db.projects.get(PROJECT))?.config?.rules?.length === 1);

		// what the read-only Setup refuses to do, forced past the UI
		writeConfig(viewer.doc, { id: 'resp', rules: [] });
		viewer.link.provider.awareness.setLocalStateField('mark', 1);
		await until(() => [...owner.link.provider.awareness.getStates().values()].some((s) => s.mark === 1));
		// a later owner change reaches the viewer, so the viewer's write was handled (and dropped) before it
		await owner.save({ ...base, scoring: { review: 70 } });
		await until(() => configOf(viewer.doc).has('scoring'));

		expect(readConfig(owner.doc)).toEqual({ ...base, scoring: { review: 70 } });
		expect((await owner.db.projects.get(PROJECT))!.config).toEqual({ ...base, scoring: { review: 70 } });
		const late = await browser(r, room, await r.invite(room, token, 'reviewer'), 'reviewer', null);
		await until(() => configOf(late.doc).has('scoring'));
		expect(readConfig(late.doc)!.rules).toEqual(base.rules);
	});

	it('two offline edits of different settings both survive the merge', async () => {
		const r = await relay();
		const { room, token } = await r.createRoom();
		const base: SieveConfig = { id: 'resp' };
		const owner = await browser(r, room, token, 'owner', base);
		const reviewer = await browser(r, room, await r.invite(room, token, 'reviewer'), 'reviewer', null);
		await until(() => configOf(reviewer.doc).has('id'));
		owner.link.disconnect();
		reviewer.link.disconnect();
		await owner.save({ ...base, scoring: { review: 80 } });
		await reviewer.save({ ...base, rules: [{ id: 'r1', when: 'age < 18' }] });
		owner.link.reconnect();
		reviewer.link.reconnect();
		const want = { ...base, scoring: { review: 80 }, rules: [{ id: 'r1', when: 'age < 18' }] };
		await eventually(async () => JSON.stringify((await owner.db.projects.get(PROJECT))?.config?.rules) === JSON.stringify(want.rules));
		await eventually(async () => (await reviewer.db.projects.get(PROJECT))?.config?.scoring?.review === 80);
		expect(readConfig(owner.doc)).toEqual(want);
		expect(readConfig(reviewer.doc)).toEqual(want);
	});
});

describe('writeConfig', () => {
	it('touches only the fields that changed and drops removed ones', () => {
		const doc = new Y.Doc();
		writeConfig(doc, { id: 'a', rules: [{ id: 'r', when: 'x > 1' }], openEnds: ['q9'] });
		const seen: string[][] = [];
		configOf(doc).observe((e) => seen.push([...e.keysChanged].sort()));
		expect(writeConfig(doc, { rules: [{ id: 'r', when: 'x > 1' }], id: 'a', openEnds: ['q9'] })).toBe(false);
		expect(writeConfig(doc, { id: 'b', rules: [{ id: 'r', when: 'x > 1' }] })).toBe(true);
		expect(seen).toEqual([['id', 'openEnds']]);
		expect(readConfig(doc)).toEqual({ id: 'b', rules: [{ id: 'r', when: 'x > 1' }] });
	});
});
