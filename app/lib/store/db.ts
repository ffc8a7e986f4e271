import Dexie, { type EntityTable } from 'dexie';
import type { Dictionary } from '../dataset/dictionary';
import type { CsvDialect, FileFormat } from '../engine/import/types';

export interface ProjectRow {
	id: string;
	name: string;
	createdAt: number;
	updatedAt: number;
	/** The imported file, once there is one. */
	file: {
		name: string;
		size: number;
		format: FileFormat;
		rows: number;
		variables: number;
		csv?: CsvDialect;
		/** Where the original bytes are kept: OPFS, or an IndexedDB blob where OPFS is missing. */
		storedIn: 'opfs' | 'idb';
	} | null;
	/** Generated demo survey: what was planted, for the user to compare findings against. */
	demo?: { seed: number; planted: number } | null;
}

export interface DictionaryRow {
	projectId: string;
	dictionary: Dictionary;
}

export interface BlobRow {
	projectId: string;
	name: string;
	blob: Blob;
}

/** The app's IndexedDB; every schema version stays here, frozen once shipped. */
export class SieveDb extends Dexie {
	projects!: EntityTable<ProjectRow, 'id'>;
	dictionaries!: EntityTable<DictionaryRow, 'projectId'>;
	originals!: EntityTable<BlobRow, 'projectId'>;

	constructor(name = 'sieve') {
		super(name);
		this.version(1).stores({
			projects: 'id, updatedAt',
			dictionaries: 'projectId',
			originals: 'projectId'
		});
	}
}

let db: SieveDb | null = null;

export function getDb(): SieveDb {
	return (db ??= new SieveDb());
}
