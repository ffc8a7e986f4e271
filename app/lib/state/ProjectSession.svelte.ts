import { proxy } from 'comlink';
import type { Dictionary } from '../dataset/dictionary';
import { withFieldLabels } from '../dataset/field-labels';
import type { CsvDialect, DatasetInfo, ImportProgress } from '../engine/api';
import { getMonitor } from '../monitor/monitor';
import { getDb } from '../store/db';
import type { ProjectRow } from '../store/db';
import { loadOriginal, saveOriginal } from '../store/originals';
import { blobSha256 } from '../io/sha256';
import { getDictionary, recordImport, type ImportAudit } from '../store/projects';
import { getEngine } from '../workers/clients';
import { receiveProjectConfig, saveProjectConfig } from '../store/project-config';
import type { SieveConfig } from '../engine/api';

export type SessionStatus = 'opening' | 'empty' | 'importing' | 'ready' | 'missing' | 'error';

/** One open project: its stored metadata, its working copy in the engine, and import progress. */
export class ProjectSession {
	status = $state<SessionStatus>('opening');
	project = $state.raw<ProjectRow | null>(null);
	dictionary = $state.raw<Dictionary | null>(null);
	progress = $state.raw<ImportProgress | null>(null);
	error = $state<string | null>(null);
	/** A CSV import refused for ragged rows, which the user may import anyway (rows padded or cut). */
	ragged = $state.raw<{ file: File; csv: Partial<CsvDialect> | undefined; mode: ImportAudit['mode'] } | null>(null);
	rows = $state(0);
	/** How the open project's rows came back: its saved working copy, or a fresh read of the original. */
	restored = $state<'working-copy' | 'original' | null>(null);
	/** Bumped after each import so views that cache rows refetch. */
	generation = $state(0);
	/** The engine's Dataset: effective dictionary, roles and the respondent id every view keys by. */
	data = $state.raw<DatasetInfo | null>(null);
	/** Why the engine refused the project's settings (e.g. a CONFIG naming an unknown variable). */
	dataError = $state<string | null>(null);

	/** The variable naming respondents in decisions, comments and recipes; null = row order. */
	get idVariable(): string | null {
		return this.data?.idVariable ?? null;
	}
	/** Bumped when a collaborator's settings arrive, so Setup shows them. */
	configRevision = $state(0);

	constructor(readonly projectId: string) {}

	async open(): Promise<void> {
		const db = getDb();
		this.status = 'opening';
		const project = await db.projects.get(this.projectId);
		if (!project) {
			this.status = 'missing';
			return;
		}
		this.project = project;
		if (!project.file) {
			await getEngine().openProject(this.projectId);
			this.status = 'empty';
			return;
		}
		this.dictionary = await getDictionary(db, this.projectId);
		if (project.demo) {
			const opened = await getEngine().openProject(this.projectId);
			if (opened.persisted && opened.rows === project.file.rows) {
				this.rows = opened.rows;
				await this.#useDataset();
				this.status = 'ready';
			} else await this.importDemo(project.demo.seed, 'restore');
			return;
		}
		const opened = await getEngine().openProject(this.projectId);
		if (opened.persisted && opened.rows === project.file.rows) {
			this.rows = opened.rows;
			this.restored = 'working-copy';
			await this.#useDataset();
			this.status = 'ready';
			return;
		}
		this.restored = 'original';
		const original = await loadOriginal(db, this.projectId, project.file.name);
		if (!original) {
			this.error = `The original file ${project.file.name} is no longer stored in this browser; import it again.`;
			this.status = 'empty';
			return;
		}
		await this.#import(original, project.file.csv, 'restore');
	}

	/** Saves the check settings (roles, grids, rules, parameters) and records the change. */
	async saveConfig(config: SieveConfig): Promise<void> {
		await saveProjectConfig(getDb(), this.projectId, this.project?.config ?? {}, config);
		this.project = (await getDb().projects.get(this.projectId)) ?? null;
		await this.#useDataset();
	}

	/** Stores a collaborator's settings (arrived through the project doc) without auditing them again. */
	async receiveConfig(config: SieveConfig): Promise<void> {
		await receiveProjectConfig(getDb(), this.projectId, config);
		this.project = (await getDb().projects.get(this.projectId)) ?? null;
		await this.#useDataset();
		this.configRevision++;
	}

	/** `labels`: question text by variable name, from a survey platform the file was pulled from. */
	async importFile(file: File, csv?: Partial<CsvDialect>, labels?: ReadonlyMap<string, string>): Promise<void> {
		await this.#import(file, csv, 'new', false, labels);
	}

	/** Imports the file last refused for ragged rows, padding short rows and cutting long ones (each audited). */
	async importAnyway(): Promise<void> {
		if (this.ragged) await this.#import(this.ragged.file, this.ragged.csv, this.ragged.mode, true);
	}

	/** Reads the stored original again with a different CSV dialect. */
	async reimport(csv: CsvDialect): Promise<void> {
		const file = this.project?.file;
		if (!file) return;
		const original = await loadOriginal(getDb(), this.projectId, file.name);
		if (!original) {
			this.error = `The original file ${file.name} is no longer stored in this browser; import it again.`;
			return;
		}
		await this.#import(original, csv, 'reimport');
	}

	async importDemo(seed = 7, mode: ImportAudit['mode'] = 'new'): Promise<void> {
		this.status = 'importing';
		this.error = null;
		this.progress = { phase: 'reading', done: 0, total: 1, rows: 0 };
		try {
			const result = await getEngine().importDemo(
				{ rows: 2000, seed },
				proxy((p: ImportProgress) => (this.progress = p))
			);
			const db = getDb();
			const planted = Object.values(result.planted).reduce((a, b) => a + b, 0);
			await recordImport(
				db,
				this.projectId,
				{ name: 'demo-survey (generated)', size: 0 },
				result,
				'opfs',
				{
					seed: result.seed,
					planted
				},
				{ mode }
			);
			this.project = (await db.projects.get(this.projectId)) ?? null;
			this.dictionary = result.dictionary;
			this.rows = result.rows;
			await this.#useDataset();
			this.generation++;
			this.status = 'ready';
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
			this.status = 'empty';
		} finally {
			this.progress = null;
		}
	}

	/** Hands the stored dictionary and settings to the engine, which builds the one Dataset from them. */
	async #useDataset(): Promise<void> {
		if (!this.dictionary) return;
		const config = $state.snapshot(this.project?.config ?? {}) as SieveConfig;
		try {
			this.data = await getEngine().useDataset({ dictionary: $state.snapshot(this.dictionary) as Dictionary, config });
			this.dataError = null;
		} catch (e) {
			this.dataError = e instanceof Error ? e.message : String(e);
			this.data = await getEngine().useDataset({ dictionary: $state.snapshot(this.dictionary) as Dictionary, config: {} });
		}
	}

	async #import(
		file: File,
		csv: Partial<CsvDialect> | undefined,
		mode: ImportAudit['mode'],
		repairRagged = false,
		labels?: ReadonlyMap<string, string>
	): Promise<void> {
		const before = this.status;
		this.status = 'importing';
		this.error = null;
		this.ragged = null;
		this.progress = { phase: 'reading', done: 0, total: file.size, rows: 0 };
		try {
			const imported = await getMonitor()
				.forProject(this.projectId)
				.time(
					'import',
					() =>
						getEngine().importFile(
							file,
							{ name: file.name, csv, repairRagged },
							proxy((p: ImportProgress) => (this.progress = p))
						),
					{ format: file.name.split('.').pop()?.toLowerCase(), bytes: file.size, mode }
				);
			const result = labels ? { ...imported, dictionary: withFieldLabels(imported.dictionary, labels) } : imported;
			const db = getDb();
			const storedIn = mode === 'new' ? await saveOriginal(db, this.projectId, file) : (this.project?.file?.storedIn ?? 'opfs');
			await recordImport(db, this.projectId, file, result, storedIn, undefined, { mode, sha256: await blobSha256(file) });
			this.project = (await db.projects.get(this.projectId)) ?? null;
			this.dictionary = result.dictionary;
			this.rows = result.rows;
			await this.#useDataset();
			this.generation++;
			this.status = 'ready';
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
			// comlink keeps an error's name across the worker boundary, not its other fields
			if (e instanceof Error && e.name === 'RaggedRowsError') this.ragged = { file, csv, mode };
			this.status = before === 'ready' ? 'ready' : this.project?.file && this.rows > 0 ? 'ready' : 'empty';
		} finally {
			this.progress = null;
		}
	}
}
