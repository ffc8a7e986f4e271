import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { getConnectorSource, saveConnectorSource } from '../../../app/lib/store/connector-sources';
import { SieveDb } from '../../../app/lib/store/db';
import { createProject, deleteProject } from '../../../app/lib/store/projects';

const open: SieveDb[] = [];
afterEach(async () => {
	for (const db of open.splice(0)) await db.delete();
});

describe('connector sources (Dexie version 6)', () => {
	it('keeps a project source with remembered credentials, and deleting the project deletes them', async () => {
		const db = new SieveDb('connector-sources-1');
		open.push(db);
		const keep = await createProject(db, 'Kept');
		const gone = await createProject(db, 'Gone');
		for (const p of [keep, gone])
			await saveConnectorSource(db, {
				projectId: p.id,
				kind: 'kobo',
				baseUrl: 'https://kf.kobotoolbox.org',
				form: 'aXk9Wq2mT5bLp',
				credentials: { token: `secret-${p.name}` },
				room: 'r1',
				token: 't1',
				lastSubmission: '2025-03-01T08:00:00.000Z',
				lastSyncId: 'sync-1'
			});
		await deleteProject(db, gone.id);
		expect(await getConnectorSource(db, gone.id)).toBeUndefined();
		expect((await getConnectorSource(db, keep.id))?.credentials).toEqual({ token: 'secret-Kept' });
	});
});
