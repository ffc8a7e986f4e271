import { localDocName } from '../collab/local';
import type { SieveDb } from './db';
import { deleteOriginal } from './originals';
import { deleteProject } from './projects';

/** Whatever holds the project's working copy: the engine worker in the app. */
export interface WorkingCopies {
	deleteWorkingCopy(projectId: string): Promise<void>;
}

/**
 * Deletes a project from this browser: its working copy and original (OPFS), its review doc
 * (y-indexeddb) and its Dexie rows, audit chain included (no event can record a deletion of the
 * chain it would be written to). Files go first, so a failure leaves the project listed to retry.
 */
export async function removeProject(db: SieveDb, projectId: string, engine: WorkingCopies): Promise<void> {
	try {
		await engine.deleteWorkingCopy(projectId);
	} catch (e) {
		// OPFS refuses to remove a file another tab's DuckDB holds open
		const why = e instanceof Error ? e.message : String(e);
		throw new Error(`The project's working copy could not be removed (${why}). Close the project in other tabs and try again.`);
	}
	await deleteOriginal(projectId);
	await deleteDatabase(localDocName(projectId));
	await deleteProject(db, projectId);
}

function deleteDatabase(name: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const req = indexedDB.deleteDatabase(name);
		req.onsuccess = () => resolve();
		req.onerror = () => reject(req.error ?? new Error(`could not delete ${name}`));
		// another tab still has the doc open: IndexedDB deletes it once that tab lets go
		req.onblocked = () => resolve();
	});
}
