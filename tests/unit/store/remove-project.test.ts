import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../../../app/lib/audit/verify-chain';
import { openLocalDoc, localDocName } from '../../../app/lib/collab/local';
import { decisionsOf } from '../../../app/lib/collab/doc';
import type { ImportResult } from '../../../app/lib/engine/import/types';
import { loadChains } from '../../../app/lib/store/audit-store';
import { SieveDb } from '../../../app/lib/store/db';
import { copyOriginal, loadOriginal, saveOriginal } from '../../../app/lib/store/originals';
import { saveProjectConfig } from '../../../app/lib/store/project-config';
import { createProject, DEMO_NAME, duplicateProject, findDemoProject, recordImport, renameProject } from '../../../app/lib/store/projects';
import { removeProject } from '../../../app/lib/store/remove-project';

const open: SieveDb[] = [];
let n = 0;
function freshDb(): SieveDb {
	const db = new SieveDb(`manage-${n++}`);
	open.push(db);
	return db;
}
afterEach(async () => {
	for (const db of open.splice(0)) await db.delete();
});

const result = {
	format: 'csv',
	rows: 3,
	dictionary: { variables: [{ name: 'resp' }, { name: 'q1' }] },
	csv: { encoding: 'utf-8', delimiter: ',', quote: '"' }
} as unknown as ImportResult;
const CSV = 'resp,q1\n1,5\n2,4\n3,1\n';

/** A project with data, settings and an audit trail, its original kept (IndexedDB here: Node has no OPFS). */
async function projectWithData(db: SieveDb, name: string) {
	const p = await createProject(db, name);
	const storedIn = await saveOriginal(db, p.id, new File([CSV], 'w1.csv'));
	await recordImport(db, p.id, { name: 'w1.csv', size: CSV.length }, result, storedIn, undefined, { mode: 'new', sha256: 'ab'.repeat(32) });
	await saveProjectConfig(db, p.id, {}, { id: 'resp', rules: [{ id: 'r1', when: 'q1 > 4' }] });
	await db.checkRuns.put({ projectId: p.id, summary: {} as never, config: {} });
	await db.collabRooms.put({ projectId: p.id, room: 'room-1', token: 't', role: 'owner', exp: 0, dataset: 'x', joinedAt: 0 });
	await db.auditCheckpoints.put({ projectId: p.id, device: 'd1', seq: 3, hash: 'cd'.repeat(32) });
	return p;
}

const countRows = async (db: SieveDb, projectId: string) => ({
	projects: await db.projects.where('id').equals(projectId).count(),
	dictionaries: await db.dictionaries.where('projectId').equals(projectId).count(),
	originals: await db.originals.where('projectId').equals(projectId).count(),
	auditEvents: await db.auditEvents.where('projectId').equals(projectId).count(),
	auditCheckpoints: await db.auditCheckpoints.where('projectId').equals(projectId).count(),
	collabRooms: await db.collabRooms.where('projectId').equals(projectId).count(),
	checkRuns: await db.checkRuns.where('projectId').equals(projectId).count()
});

const databases = async () => (await indexedDB.databases()).map((d) => d.name);

describe('managing projects', () => {
	it('renames a project, auditing the old and new name', async () => {
		const db = freshDb();
		const p = await createProject(db, 'Wave 1');
		await renameProject(db, p.id, '  Wave 1 (final) ');
		expect((await db.projects.get(p.id))!.name).toBe('Wave 1 (final)');
		const [chain] = await loadChains(db, p.id);
		expect(chain.events.at(-1)!.type).toBe('setting-change');
		expect(chain.events.at(-1)!.payload).toEqual({ key: 'name', before: 'Wave 1', after: 'Wave 1 (final)' });
		expect(await verifyChain(chain.events)).toMatchObject({ ok: true });
		await expect(renameProject(db, p.id, '   ')).rejects.toThrow('needs a name');
	});

	it('duplicates data description, settings and the original, not the audit trail', async () => {
		const db = freshDb();
		const p = await projectWithData(db, 'Wave 1');
		const copy = await duplicateProject(db, p.id, (from, to, name) => copyOriginal(db, from, to, name));
		expect(copy.id).not.toBe(p.id);
		const row = (await db.projects.get(copy.id))!;
		expect(row.name).toBe('Wave 1 (copy)');
		expect(row.file).toMatchObject({ name: 'w1.csv', rows: 3, storedIn: 'idb' });
		expect(row.config).toEqual({ id: 'resp', rules: [{ id: 'r1', when: 'q1 > 4' }] });
		expect((await db.dictionaries.get(copy.id))!.dictionary).toEqual(result.dictionary);
		expect(await (await loadOriginal(db, copy.id, 'w1.csv'))!.text()).toBe(CSV);
		const [chain] = await loadChains(db, copy.id);
		expect(chain.events.map((e) => e.type)).toEqual(['chain-start', 'project']);
		expect(chain.events[1].payload).toEqual({ op: 'create', name: 'Wave 1 (copy)' });
		// the copy has no results nor room of its own yet
		expect(await countRows(db, copy.id)).toMatchObject({ checkRuns: 0, collabRooms: 0 });
	});

	it('a copy whose original is gone has no data to restore', async () => {
		const db = freshDb();
		const p = await projectWithData(db, 'Wave 1');
		const copy = await duplicateProject(db, p.id, async () => null);
		expect((await db.projects.get(copy.id))!.file).toBeNull();
		expect(await db.dictionaries.get(copy.id)).toBeUndefined();
	});

	it('deletes every row, the original, the review doc and the working copy of one project only', async () => {
		const db = freshDb();
		const p = await projectWithData(db, 'Wave 1');
		const other = await projectWithData(db, 'Wave 2');
		const local = await openLocalDoc(p.id);
		decisionsOf(local.doc).push([]);
		await local.destroy();
		expect(await databases()).toContain(localDocName(p.id));
		expect(Object.values(await countRows(db, p.id)).every((c) => c > 0)).toBe(true);

		const deletedCopies: string[] = [];
		await removeProject(db, p.id, { deleteWorkingCopy: async (id) => void deletedCopies.push(id) });

		expect(deletedCopies).toEqual([p.id]);
		expect(Object.values(await countRows(db, p.id))).toEqual([0, 0, 0, 0, 0, 0, 0]);
		expect(await databases()).not.toContain(localDocName(p.id));
		expect(await loadOriginal(db, p.id, 'w1.csv')).toBeNull();
		const kept = await countRows(db, other.id);
		expect(Object.values(kept).every((c) => c > 0)).toBe(true);
		const [chain] = await loadChains(db, other.id);
		expect(await verifyChain(chain.events)).toMatchObject({ ok: true });
	});

	it('finds the demo project to reopen it', async () => {
		const db = freshDb();
		expect(await findDemoProject(db)).toBeNull();
		await createProject(db, 'Wave 1');
		const demo = await createProject(db, DEMO_NAME);
		await db.projects.update(demo.id, { demo: { seed: 7, planted: 12 } });
		await renameProject(db, demo.id, 'My demo');
		expect((await findDemoProject(db))!.id).toBe(demo.id);
	});
});

describe('a deletion that cannot finish', () => {
	it('keeps the project listed and says why when the working copy is held open', async () => {
		const db = freshDb();
		const p = await projectWithData(db, 'Wave 1');
		const held = { deleteWorkingCopy: async () => Promise.reject(new DOMException('locked', 'NoModificationAllowedError')) };
		await expect(removeProject(db, p.id, held)).rejects.toThrow('Close the project in other tabs and try again.');
		expect(await db.projects.get(p.id)).toBeDefined();
		expect(await loadOriginal(db, p.id, 'w1.csv')).not.toBeNull();
	});
});
