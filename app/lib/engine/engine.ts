import type { Dictionary, Variable } from '../dataset/dictionary';
import type { ParquetLoader } from '../io/parquet-module';
import type { EngineApi } from './api';
import { readPage } from './data/page';
import { summarize } from './data/summarize';
import { variableThemes } from './results/themes';
import { isMissing } from './dataset/missing';
import { importFile } from './import';
import { importDemo } from './import/demo';
import { DATA_TABLE } from './import/finish';
import type { SqlDb } from './sql/db';
import { STANDARD_CHECKS, type CheckRun } from './checks/registry';
import { loadRuns } from './results/load-runs';
import { loadScores } from './results/load-scores';
import { respondentPage } from './results/respondents';
import { respondentRange } from './results/respondent-range';
import { flaggedRows, rowsByCheck, rowsByScore } from './results/flagged-rows';
import { rowFindings } from './results/row-findings';
import { searchText } from './results/text-search';
import { runAnalysis } from './results/run-analysis';
import { FINDINGS_TABLE, SCORES_TABLE } from './results/store-results';
import { whatIf, type RespondentScore } from './scoring';
import { cleanForExport } from './recipe';
import { buildReport } from './report';
import { allFindings } from './results/all-findings';
import { learnFromReviewers } from './bot/reviewer-calibration';
import { botProbabilities, reviewedBots } from './results/bot-fields';
import { findingsBlob } from '../report/findings';
import { recipeSyntax } from '../report/sps';
import { openDataset, type Dataset } from './dataset/dataset';
import { assignRespondentId, idQuality } from './dataset/id';
import { detectRoles } from './roles';
import { ROW_COLUMN } from '../io/arrow-ipc';
import type { SieveConfig } from './checks/config';
import { exportChunks } from '../io/export';
import type { ExportFormat } from '../io/export/types';

const EXPORT_TYPES: Record<ExportFormat, string> = {
	csv: 'text/csv',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	parquet: 'application/vnd.apache.parquet',
	sav: 'application/x-spss-sav',
	zsav: 'application/x-spss-sav'
};
import { parseRule, parseSkipRule, RuleError } from './rules';

export interface EngineDeps {
	db: SqlDb & { useProject?(projectId: string): Promise<boolean>; deleteProject?(projectId: string): Promise<void> };
	parquet: ParquetLoader;
	/** Largest file a tab may import (the browser's DuckDB heap is 4 GB). */
	maxImportBytes?: number;
}

/**
 * The engine: the same calls in the browser worker and in Node.
 * @example expose(createEngine({ db: await openBrowserDb(), parquet: loadParquetBrowser }));
 */
export function createEngine(deps: EngineDeps): EngineApi {
	const { db } = deps;
	let types = new Map<string, Variable['type']>();
	let running: AbortController | null = null;
	let lastRuns: CheckRun[] | null = null;
	let lastScores: Map<number, RespondentScore> | null = null;
	// the open project's dictionary (as stored) and CONFIG; the Dataset is built from them on demand
	let raw: Dictionary | null = null;
	let config: SieveConfig = {};
	let current: Promise<Dataset> | null = null;

	function dataset(): Promise<Dataset> {
		if (!raw) return Promise.reject(new Error('no dataset is open: import a file first'));
		if (current) return current;
		const opening = openDataset(db, raw, config);
		// a refused CONFIG must not stick: the next call tries again with whatever is set then
		opening.catch(() => {
			if (current === opening) current = null;
		});
		return (current = opening);
	}

	function info(ds: Dataset) {
		return {
			dictionary: ds.dictionary,
			roles: ds.roles,
			idVariable: ds.idVariable === ROW_COLUMN ? null : ds.idVariable,
			rows: ds.rows,
			problems: ds.problems
		};
	}

	async function refreshTypes(): Promise<number> {
		const t = await db.query(
			`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? AND table_catalog = current_database()`,
			[DATA_TABLE]
		);
		types = new Map(
			t
				.toArray()
				.map((r) => [
					String(r.column_name),
					r.data_type === 'DATE' ? 'date' : String(r.data_type).startsWith('TIMESTAMP') ? 'datetime' : 'numeric'
				])
		);
		if (types.size === 0) return 0;
		return Number((await db.query(`SELECT count(*)::INTEGER AS n FROM ${DATA_TABLE}`)).get(0)!.n);
	}

	/** New data: results of the old data no longer apply. */
	async function forgetResults(): Promise<void> {
		await db.exec(`DROP TABLE IF EXISTS ${FINDINGS_TABLE}; DROP TABLE IF EXISTS ${SCORES_TABLE}`);
		await db.exec('CHECKPOINT');
		await refreshTypes();
		lastRuns = null;
		lastScores = null;
		current = null;
	}

	return {
		async openProject(projectId) {
			lastRuns = null;
			lastScores = null;
			raw = null;
			config = {};
			current = null;
			const persisted = (await db.useProject?.(projectId)) ?? false;
			const rows = await refreshTypes();
			return { persisted: persisted && rows > 0, rows };
		},
		async deleteWorkingCopy(projectId) {
			await db.deleteProject?.(projectId);
		},
		async importFile(file, opts, onProgress) {
			const result = await importFile({ db, parquet: deps.parquet }, file, { maxBytes: deps.maxImportBytes, ...opts }, onProgress);
			const dictionary = await assignRespondentId(db, result.dictionary);
			await forgetResults();
			raw = dictionary;
			config = {};
			return { ...result, dictionary };
		},
		async importDemo(opts, onProgress = () => {}) {
			const result = await importDemo(db, opts, onProgress);
			const dictionary = await assignRespondentId(db, result.dictionary);
			await forgetResults();
			raw = dictionary;
			config = result.config ?? {};
			return { ...result, dictionary };
		},
		async useDataset(req) {
			if (req.dictionary) raw = req.dictionary;
			if (req.config) config = req.config;
			current = null;
			return info(await dataset());
		},
		dataset: async () => info(await dataset()),
		detectRoles: async (c) => detectRoles(db, (await dataset()).raw, c),
		idQuality: async (name) => idQuality(db, (await dataset()).variable(name)),
		page: (req) => readPage(db, req, types),
		async diagnostics() {
			const r = (await db.query('SELECT version() AS v, (SELECT count(*)::INTEGER FROM range(1000000)) AS n')).get(0)!;
			return { duckdb: String(r.v), rows: Number(r.n) };
		},
		summarize: async (name) => summarize(db, (await dataset()).variable(name)),
		async themes(name, opts = {}) {
			const ds = await dataset();
			return variableThemes({ db, isMissing: (n) => isMissing(ds.variable(n)) }, name, opts);
		},
		async checkRule(text, kind) {
			const { dictionary } = await dataset();
			try {
				if (kind === 'skip') parseSkipRule(text, dictionary);
				else parseRule(text, dictionary);
				return { ok: true };
			} catch (e) {
				return { ok: false, message: e instanceof Error ? e.message : String(e), column: e instanceof RuleError ? e.column : null };
			}
		},
		async listChecks() {
			return STANDARD_CHECKS.map(({ id, title, description, category, severity }) => ({ id, title, description, category, severity }));
		},
		async runChecks(req, onProgress) {
			const abort = new AbortController();
			running = abort;
			try {
				const previous = req.only && req.previous ? (lastRuns ?? (await loadRuns(db, req.previous))) : undefined;
				const analysis = await runAnalysis(db, await dataset(), {
					only: req.only,
					previous,
					onProgress,
					signal: abort.signal
				});
				lastRuns = analysis.runs;
				lastScores = analysis.scores;
				await db.exec('CHECKPOINT');
				return analysis.summary;
			} finally {
				if (running === abort) running = null;
			}
		},
		async cancelChecks() {
			running?.abort(new Error('check run cancelled'));
		},
		respondents: (q) => respondentPage(db, q),
		respondentRange: (from, to) => respondentRange(db, from, to),
		flaggedRows: (q) => flaggedRows(db, q),
		rowsByCheck: () => rowsByCheck(db),
		rowsByScore: () => rowsByScore(db),
		botProbabilities: () => botProbabilities(db),
		learnBot: async (decisions) => learnFromReviewers(await reviewedBots(db, decisions)),
		rowFindings: (row) => rowFindings(db, row),
		searchText: (variables, text) => searchText(db, variables, text),
		async exportCleaned(req, onProgress) {
			const ds = await dataset();
			const scores = req.flags ? (lastScores ?? (await loadScores(db))) : null;
			const { source, report } = await cleanForExport(db, ds.raw, {
				recipe: req.recipe,
				idVariable: ds.idVariable,
				scores,
				fileSha256: req.sha256
			});
			const warnings: string[] = [];
			const parts: Uint8Array[] = [];
			const chunks = exportChunks(
				source,
				req.format,
				{ parquet: deps.parquet },
				{ bom: req.bom, onProgress, onWarning: (w) => warnings.push(w) }
			);
			for await (const chunk of chunks) parts.push(chunk);
			return { blob: new Blob(parts as BlobPart[], { type: EXPORT_TYPES[req.format] }), report, warnings };
		},
		async report(req) {
			const runs = lastRuns ?? (await loadRuns(db, req.summary));
			const scores = lastScores ?? (await loadScores(db));
			return buildReport(db, await dataset(), { runs, scores, summary: req.summary, recipe: req.recipe, meta: req.meta });
		},
		async recipeSyntax(req) {
			const ds = await dataset();
			return recipeSyntax(req.recipe, ds.raw, { idVariable: ds.idVariable, file: req.file });
		},
		exportFindings: async (format) => findingsBlob(await allFindings(db, (await dataset()).idVariable), format),
		async whatIf(req) {
			const scores = lastScores ?? (await loadScores(db));
			return whatIf(db, (await dataset()).dictionary, scores, req.thresholds, req.variables, req.botThresholds);
		}
	};
}
