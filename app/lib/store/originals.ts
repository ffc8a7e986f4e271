import type { SieveDb } from './db';

const DIR = 'originals';

/**
 * Keeps the uploaded file as it was, so the project can be re-imported or re-checked later.
 * OPFS first (no size ceiling beyond quota); an IndexedDB blob where OPFS is missing.
 */
export async function saveOriginal(db: SieveDb, projectId: string, file: File): Promise<'opfs' | 'idb'> {
	try {
		const dir = await originalsDir(true);
		const handle = await dir.getFileHandle(projectId, { create: true });
		const writable = await handle.createWritable();
		await file.stream().pipeTo(writable);
		await db.originals.delete(projectId);
		return 'opfs';
	} catch {
		await db.originals.put({ projectId, name: file.name, blob: file });
		return 'idb';
	}
}

export async function loadOriginal(db: SieveDb, projectId: string, name: string): Promise<File | null> {
	try {
		const dir = await originalsDir(false);
		const file = await (await dir.getFileHandle(projectId)).getFile();
		return new File([file], name);
	} catch {
		const row = await db.originals.get(projectId);
		return row ? new File([row.blob], row.name) : null;
	}
}

/** Stores another project's original under `to`; null when none is kept any more. */
export async function copyOriginal(db: SieveDb, from: string, to: string, name: string): Promise<'opfs' | 'idb' | null> {
	const file = await loadOriginal(db, from, name);
	return file ? saveOriginal(db, to, file) : null;
}

export async function deleteOriginal(projectId: string): Promise<void> {
	try {
		await (await originalsDir(false)).removeEntry(projectId);
	} catch {
		/* nothing stored in OPFS */
	}
}

async function originalsDir(create: boolean): Promise<FileSystemDirectoryHandle> {
	const root = await navigator.storage.getDirectory();
	return root.getDirectoryHandle(DIR, { create });
}
