import type { Dictionary } from '../dataset/dictionary';
import type { ImportResult } from '../engine/import/types';
import type { ProjectRow, SieveDb } from './db';

export function createProjectId(): string {
	return crypto.randomUUID();
}

export async function createProject(db: SieveDb, name: string): Promise<ProjectRow> {
	const now = Date.now();
	const row: ProjectRow = { id: createProjectId(), name: name.trim() || 'Untitled survey', createdAt: now, updatedAt: now, file: null };
	await db.projects.add(row);
	return row;
}

export function listProjects(db: SieveDb): Promise<ProjectRow[]> {
	return db.projects.orderBy('updatedAt').reverse().toArray();
}

/** Records a finished import: metadata and dictionary in one transaction, so neither is half-written. */
export async function recordImport(
	db: SieveDb,
	projectId: string,
	file: { name: string; size: number },
	result: ImportResult,
	storedIn: 'opfs' | 'idb',
	demo?: ProjectRow['demo']
): Promise<void> {
	await db.transaction('rw', db.projects, db.dictionaries, async () => {
		await db.projects.update(projectId, {
			updatedAt: Date.now(),
			file: {
				name: file.name,
				size: file.size,
				format: result.format,
				rows: result.rows,
				variables: result.dictionary.variables.length,
				csv: result.csv,
				storedIn
			},
			demo: demo ?? null
		});
		await db.dictionaries.put({ projectId, dictionary: result.dictionary });
	});
}

export async function getDictionary(db: SieveDb, projectId: string): Promise<Dictionary | null> {
	return (await db.dictionaries.get(projectId))?.dictionary ?? null;
}

export async function deleteProject(db: SieveDb, projectId: string): Promise<void> {
	await db.transaction('rw', db.projects, db.dictionaries, db.originals, async () => {
		await db.projects.delete(projectId);
		await db.dictionaries.delete(projectId);
		await db.originals.delete(projectId);
	});
}
