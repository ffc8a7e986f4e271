import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { migrate } from './doc';

export interface LocalDoc {
	doc: Y.Doc;
	persistence: IndexeddbPersistence;
	destroy(): Promise<void>;
}

export const localDocName = (projectId: string) => `sieve-doc-${projectId}`;

/**
 * The project's Y.Doc kept in IndexedDB (y-indexeddb), loaded and migrated: every edit is saved
 * locally first, so the review works offline and merges with the room on reconnect.
 */
export async function openLocalDoc(projectId: string): Promise<LocalDoc> {
	const doc = new Y.Doc();
	const persistence = new IndexeddbPersistence(localDocName(projectId), doc);
	await persistence.whenSynced;
	migrate(doc);
	return {
		doc,
		persistence,
		async destroy() {
			await persistence.destroy();
			doc.destroy();
		}
	};
}
