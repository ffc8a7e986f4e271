import { canonicalize } from '../audit/canonical-json';
import type { AuditPayloads } from '../audit/events';
import { sha256Hex } from '../audit/hash';
import type { Dictionary } from '../dataset/dictionary';
import type { ImportResult } from '../engine/import/types';
import { getAuditLog } from './audit-log';
import type { ProjectRow, SieveDb } from './db';

export function createProjectId(): string {
	return crypto.randomUUID();
}

/**
 * Creates a project; `id` is given when joining a shared project, so that every collaborator's
 * audit chain names the same project and each verifies on every device.
 */
export async function createProject(db: SieveDb, name: string, id: string = createProjectId()): Promise<ProjectRow> {
	const now = Date.now();
	const row: ProjectRow = { id, name: name.trim() || 'Untitled survey', createdAt: now, updatedAt: now, file: null };
	await getAuditLog(db).recordEvent(row.id, 'project', { op: 'create', name: row.name }, () => db.projects.add(row));
	return row;
}

export function listProjects(db: SieveDb): Promise<ProjectRow[]> {
	return db.projects.orderBy('updatedAt').reverse().toArray();
}

/** What the import event needs besides the result: why the file was read, and its SHA-256 (omitted for a generated demo, whose hash is taken over its parameters). */
export type ImportAudit = { mode: NonNullable<AuditPayloads['import']['mode']>; sha256?: string };

const DEMO_GENERATOR = 'demo-survey';

/**
 * Records a finished import: metadata, dictionary and the import audit event in one transaction,
 * so none is written without the others.
 */
export async function recordImport(
	db: SieveDb,
	projectId: string,
	file: { name: string; size: number },
	result: ImportResult,
	storedIn: 'opfs' | 'idb',
	demo: ProjectRow['demo'] | undefined,
	audit: ImportAudit
): Promise<void> {
	const payload: AuditPayloads['import'] = {
		file: file.name,
		sha256: audit.sha256 ?? '',
		format: result.format,
		rows: result.rows,
		variables: result.dictionary.variables.length,
		mode: audit.mode,
		csv: result.csv && { ...result.csv },
		...(result.repairs ? { repairs: { expected: result.repairs.expected, lines: result.repairs.lines.map((l) => ({ ...l })) } } : {})
	};
	if (demo) {
		payload.demo = { generator: DEMO_GENERATOR, rows: result.rows, seed: demo.seed, planted: demo.planted };
		payload.sha256 = await sha256Hex(canonicalize(payload.demo));
	} else if (!audit.sha256) throw new TypeError(`recordImport: no SHA-256 for ${file.name}`);
	const write = () =>
		db.transaction('rw', db.projects, db.dictionaries, db.checkRuns, async () => {
			await db.projects.update(projectId, {
				updatedAt: Date.now(),
				file: {
					name: file.name,
					size: file.size,
					format: result.format,
					rows: result.rows,
					variables: result.dictionary.variables.length,
					csv: result.csv,
					storedIn,
					sha256: payload.sha256
				},
				demo: demo ?? null,
				config: result.config ?? null
			});
			await db.dictionaries.put({ projectId, dictionary: result.dictionary });
			// results of the data this import replaces no longer apply
			await db.checkRuns.delete(projectId);
		});
	await getAuditLog(db).recordEvent(projectId, 'import', payload, write);
}

export async function getDictionary(db: SieveDb, projectId: string): Promise<Dictionary | null> {
	return (await db.dictionaries.get(projectId))?.dictionary ?? null;
}

/** Renames a project; the change is audited as a `setting-change` of its name. */
export async function renameProject(db: SieveDb, projectId: string, name: string): Promise<ProjectRow> {
	const next = name.trim();
	if (!next) throw new Error('A project needs a name.');
	const row = await db.projects.get(projectId);
	if (!row) throw new Error(`No project ${projectId} in this browser.`);
	if (row.name === next) return row;
	await getAuditLog(db).recordEvent(projectId, 'setting-change', { key: 'name', before: row.name, after: next }, () =>
		db.projects.update(projectId, { name: next, updatedAt: Date.now() })
	);
	return { ...row, name: next };
}

/**
 * Copies a project: its file description, dictionary, settings and original file (through
 * `copyOriginal`), not its review (decisions, comments), which belong to the first one's doc.
 * The copy reads its original again when first opened (a `restore` import in its own chain).
 */
export async function duplicateProject(
	db: SieveDb,
	projectId: string,
	copyOriginal: (from: string, to: string, name: string) => Promise<'opfs' | 'idb' | null>
): Promise<ProjectRow> {
	const src = await db.projects.get(projectId);
	if (!src) throw new Error(`No project ${projectId} in this browser.`);
	const copy = await createProject(db, `${src.name} (copy)`);
	let file = src.file;
	if (file && !src.demo) {
		const storedIn = await copyOriginal(projectId, copy.id, file.name);
		file = storedIn ? { ...file, storedIn } : null;
	}
	const dictionary = file ? await getDictionary(db, projectId) : null;
	const changes = { file, demo: src.demo ?? null, config: src.config ?? null, updatedAt: Date.now() };
	await db.transaction('rw', db.projects, db.dictionaries, async () => {
		await db.projects.update(copy.id, changes);
		if (dictionary) await db.dictionaries.put({ projectId: copy.id, dictionary });
	});
	return { ...copy, ...changes };
}

/** The demo project this browser already has (the newest), so "Try the demo" opens it again. */
export async function findDemoProject(db: SieveDb): Promise<ProjectRow | null> {
	const all = await listProjects(db);
	return all.find((p) => p.demo) ?? all.find((p) => p.name === DEMO_NAME && !p.file) ?? null;
}

export const DEMO_NAME = 'Demo survey';

/** Removes every row this browser keeps about a project: metadata, data description, settings, results, audit, membership, prompts. */
export async function deleteProject(db: SieveDb, projectId: string): Promise<void> {
	const tables = [
		db.projects,
		db.dictionaries,
		db.originals,
		db.auditEvents,
		db.auditCheckpoints,
		db.auditArchives,
		db.collabRooms,
		db.checkRuns,
		db.connectorSources,
		db.promptVersions,
		db.llmSettings
	];
	await db.transaction('rw', tables, async () => {
		await db.projects.delete(projectId);
		await db.dictionaries.delete(projectId);
		await db.originals.delete(projectId);
		await db.collabRooms.delete(projectId);
		await db.checkRuns.delete(projectId);
		await db.connectorSources.delete(projectId);
		await db.llmSettings.delete(projectId);
		await db.promptVersions.where('projectId').equals(projectId).delete();
		await db.auditEvents.where('projectId').equals(projectId).delete();
		await db.auditCheckpoints.where('projectId').equals(projectId).delete();
		await db.auditArchives.where('projectId').equals(projectId).delete();
	});
}
