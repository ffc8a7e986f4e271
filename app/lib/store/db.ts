import Dexie, { type EntityTable, type Table } from 'dexie';
import type { RunSummary, SieveConfig } from '../engine/api';
import type { Dictionary } from '../dataset/dictionary';
import type { AuditEvent, Checkpoint } from '../audit/events';
import type { CsvDialect, FileFormat } from '../engine/import/types';
import type { ConnectorKind, Credentials } from '../../../server/protocol/connectors';
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

/** Retention: the beginning of this device's chain, moved out of auditEvents as one AUDIT JSON text that verifies by itself. */
export interface AuditArchiveRow {
	id?: number;
	projectId: string;
	device: string;
	/** Events older than this (ISO-8601) were moved. */
	before: string;
	/** Archived seqs, inclusive. */
	fromSeq: number;
	toSeq: number;
	/** The archive as `sieve verify` reads it (archives first, then the live export). */
	text: string;
}

/** The last check run of a project: its summary and the settings it ran with (findings stay in DuckDB). */
export interface CheckRunRow {
	projectId: string;
	summary: RunSummary;
	config: SieveConfig;
}

/**
 * A project's survey-platform source (connectors): what to pull, the credentials when the user
 * chose to keep them in this browser, the relay room whose owner token authorises pulls, and
 * where the last pull ended (the next incremental pull's `since`).
 */
export interface ConnectorSourceRow {
	projectId: string;
	kind: ConnectorKind;
	baseUrl: string;
	form: string;
	/** kept only when the user ticked "remember"; sent to the relay with each pull, never stored there */
	credentials: Credentials | null;
	room: string | null;
	/** owner token of `room` */
	token: string | null;
	lastSubmission: string | null;
	lastSyncId: string | null;
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
	connectorSources!: EntityTable<ConnectorSourceRow, 'projectId'>;
	auditArchives!: EntityTable<AuditArchiveRow, 'id'>;
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
		this.version(6).stores({
			connectorSources: 'projectId'
		});
		this.version(8).stores({
			auditArchives: '++id, projectId'
		});
	}
}

let db: SieveDb | null = null;

export function getDb(): SieveDb {
	return (db ??= new SieveDb());
}
