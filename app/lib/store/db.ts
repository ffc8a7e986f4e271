import Dexie, { type EntityTable, type Table } from 'dexie';
import type { RunSummary, SieveConfig } from '../engine/api';
import type { Dictionary } from '../dataset/dictionary';
import type { AuditEvent, Checkpoint } from '../audit/events';
import type { CsvDialect, FileFormat } from '../engine/import/types';
import type { LlmSettingsRow, PromptVersionRow } from './llm-rows';

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
		/** SHA-256 (hex) of the file, or of the demo generator's parameters. */
		sha256?: string;
	} | null;
	/** Generated demo survey: what was planted, for the user to compare findings against. */
	demo?: { seed: number; planted: number } | null;
	/** Check settings (CONFIG of SPEC §7): role overrides, grids, rules, parameters. */
	config?: SieveConfig | null;
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

/** One event of one device's chain for a project: the seven chain fields plus where it is filed. */
export type AuditEventRow = AuditEvent & { projectId: string; device: string };

/** The last verified head of a chain, kept apart from auditEvents so a cut tail shows. */
export type AuditCheckpointRow = Checkpoint & { projectId: string };

/** This browser's identity in audit chains; one row, key 'self'. */
export interface DeviceIdentityRow {
	key: 'self';
	device: string;
	actor: string;
}

/** This browser's membership of a project's relay room (collab/membership.ts). */
export interface CollabRoomRow {
	projectId: string;
	room: string;
	/** Relay token (an owner's also creates invites); role and expiry are readable in its claims. */
	token: string;
	role: 'owner' | 'reviewer' | 'viewer';
	/** Token expiry, seconds since the Unix epoch. */
	exp: number;
	/** SHA-256 (hex) of the dataset the room is about, or `demo:<seed>`. */
	dataset: string;
	/** When this browser joined, ms since the Unix epoch. */
	joinedAt: number;
}

/** The last check run of a project: its summary and the settings it ran with (findings stay in DuckDB). */
export interface CheckRunRow {
	projectId: string;
	summary: RunSummary;
	config: SieveConfig;
}

/** The app's IndexedDB; every schema version stays here, frozen once shipped. */
export class SieveDb extends Dexie {
	projects!: EntityTable<ProjectRow, 'id'>;
	dictionaries!: EntityTable<DictionaryRow, 'projectId'>;
	originals!: EntityTable<BlobRow, 'projectId'>;
	auditEvents!: Table<AuditEventRow, [string, string, number]>;
	auditCheckpoints!: Table<AuditCheckpointRow, [string, string]>;
	deviceIdentity!: EntityTable<DeviceIdentityRow, 'key'>;
	collabRooms!: EntityTable<CollabRoomRow, 'projectId'>;
	checkRuns!: EntityTable<CheckRunRow, 'projectId'>;
	promptVersions!: EntityTable<PromptVersionRow, 'id'>;
	llmSettings!: EntityTable<LlmSettingsRow, 'projectId'>;

	constructor(name = 'sieve') {
		super(name);
		this.version(1).stores({
			projects: 'id, updatedAt',
			dictionaries: 'projectId',
			originals: 'projectId'
		});
		this.version(2).stores({
			auditEvents: '[projectId+device+seq], projectId, time, type',
			auditCheckpoints: '[projectId+device], projectId',
			deviceIdentity: 'key'
		});
		this.version(3).stores({
			collabRooms: 'projectId, room'
		});
		this.version(4).stores({
			checkRuns: 'projectId'
		});
		this.version(5).stores({
			promptVersions: 'id, projectId',
			llmSettings: 'projectId'
		});
	}
}

let db: SieveDb | null = null;

export function getDb(): SieveDb {
	return (db ??= new SieveDb());
}
