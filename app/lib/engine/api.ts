import type { Dictionary } from '../dataset/dictionary';
import type { DemoImport } from './import/demo';
import type { ImportOptions, ImportProgress, ImportResult } from './import/types';

import type { SieveConfig } from './checks/config';
import type { CheckProgress, RespondentQuery, RespondentRow, RunSummary } from './results/types';
import type { RowFinding } from './results/row-findings';
import type { OpenEndThemes } from './results/themes';
import type { Severity } from './checks/types';
import type { WhatIfRow } from './scoring';
import type { SurveyRoles } from './roles';
import type { ApplyReport, Recipe } from './recipe';
import type { ExportFormat } from '../io/export/types';
import type { IdQuality } from './dataset/id';
import type { Report, ReportMeta } from './report';
import type { FindingsFormat } from '../report/findings';
import type { Learning } from './bot/reviewer-calibration';

export type { DemoImport } from './import/demo';
export type { SieveConfig } from './checks/config';
export type { CheckOutcome, CheckProgress, HistogramBin, RespondentQuery, RespondentRow, RunSummary } from './results/types';
export type { WhatIfRow } from './scoring';
export type { RowFinding } from './results/row-findings';
export type { SurveyRoles, Grid } from './roles';
export type { IdQuality } from './dataset/id';
export type { CleaningSummary, Report, ReportMeta } from './report';
export type { FindingsFormat } from '../report/findings';
export type { Learning, Precision, ReviewerCalibration } from './bot/reviewer-calibration';
export type { AttentionConfig, GridConfig, RuleConfig } from './checks/config';
export type { ApplyReport, Recipe } from './recipe';
export type { ExportFormat } from '../io/export/types';

/** A check as the checks page lists it. */
export interface CheckInfo {
	id: string;
	title: string;
	description: string;
	category: string;
	severity: string;
}
export type { CsvDialect, ImportOptions, ImportProgress, ImportResult } from './import/types';

/** A cell as the grid shows it: dates as "YYYY-MM-DD", datetimes as ISO text, times as seconds. */
export type CellValue = string | number | boolean | null;

export interface PageRequest {
	/** 0-based index of the first row. */
	offset: number;
	limit: number;
	columns: string[];
}

export interface PageResult {
	offset: number;
	/** One array per row: `__row` first, then the requested columns in order. */
	rows: CellValue[][];
}

export interface Bin {
	/** Value or bin start, as text for the chart's axis. */
	label: string;
	count: number;
	/** For value counts: whether this code is declared user-missing. */
	missing?: boolean;
}

export interface VariableSummary {
	name: string;
	valid: number;
	systemMissing: number;
	userMissing: number;
	distinct: number;
	mean: number | null;
	sd: number | null;
	min: CellValue;
	max: CellValue;
	kind: 'values' | 'histogram' | 'top';
	bins: Bin[];
}

/** The open Dataset as the UI sees it: the effective dictionary, roles and the respondent id. */
export interface DatasetInfo {
	/** With inferred missing codes merged: what the checks read. */
	dictionary: Dictionary;
	roles: SurveyRoles;
	/** The variable whose values name respondents in decisions, findings and recipes; null = row order (old working copies). */
	idVariable: string | null;
	rows: number;
	/** CONFIG rules, routing and names that do not fit this file. */
	problems: string[];
}

export interface OpenedProject {
	/** True when the working copy survived from an earlier visit (no re-import needed). */
	persisted: boolean;
	rows: number;
}

/** The engine worker's API: coarse, task-sized calls; the UI never sends SQL. */
export interface EngineApi {
	openProject(projectId: string): Promise<OpenedProject>;
	/** Removes the project's working copy (its DuckDB file in OPFS); nothing to do without OPFS. */
	deleteWorkingCopy(projectId: string): Promise<void>;
	importFile(file: Blob, opts: ImportOptions, onProgress?: (p: ImportProgress) => void): Promise<ImportResult>;
	/** Generates the demo survey (planted problems included) and imports it. */
	importDemo(opts: { rows?: number; seed?: number }, onProgress?: (p: ImportProgress) => void): Promise<DemoImport>;
	page(req: PageRequest): Promise<PageResult>;
	/** DuckDB's version and a row count of a generated table: proves the engine runs. */
	diagnostics(): Promise<{ duckdb: string; rows: number }>;
	/**
	 * Sets the open project's dictionary (as stored) and CONFIG; the engine builds its one Dataset
	 * from them (roles, effective missing values, respondent id). Call after opening or importing,
	 * and whenever Setup's settings change. A CONFIG naming an unknown variable is refused.
	 */
	useDataset(req: { dictionary?: Dictionary; config?: SieveConfig }): Promise<DatasetInfo>;
	/** The current Dataset (after an import, with the file's dictionary and no CONFIG until useDataset). */
	dataset(): Promise<DatasetInfo>;
	/** Roles of the open Dataset's variables as detected, with this CONFIG's overrides (Setup's draft). */
	detectRoles(config: SieveConfig): Promise<SurveyRoles>;
	/** Whether a variable can name respondents (no empty and no repeated values). */
	idQuality(variable: string): Promise<IdQuality>;
	/** Counts and a chart of one variable, with the Dataset's missing values. */
	summarize(variable: string): Promise<VariableSummary>;
	/** The themes of one open end's answers (grouped on the device), `themes` of them or as many as split best. */
	themes(variable: string, opts?: { themes?: number }): Promise<OpenEndThemes>;
	listChecks(): Promise<CheckInfo[]>;
	/** Parses a rule (or a skip rule: "q5 asked if q4 = 1") against the Dataset; the error names the column. */
	checkRule(text: string, kind: 'rule' | 'skip'): Promise<{ ok: true } | { ok: false; message: string; column: number | null }>;
	/**
	 * Runs the checks on the Dataset (all, or `only` — then the other checks' findings from
	 * `previous` are kept), scores every respondent and stores findings and scores beside the data.
	 */
	runChecks(req: { only?: string[]; previous?: RunSummary | null }, onProgress?: (p: CheckProgress) => void): Promise<RunSummary>;
	/** Stops a running check run between two checks. */
	cancelChecks(): Promise<void>;
	respondents(q: RespondentQuery): Promise<{ total: number; rows: RespondentRow[] }>;
	/** Scored respondents with a row in `from`..`to` (1-based, ≤1000 rows); rows without findings are absent. Null before the first check run. */
	respondentRange(from: number, to: number): Promise<RespondentRow[] | null>;
	/** Rows with findings grouped by the check of their most severe finding; info-only rows after the flagged ones. */
	rowsByCheck(): Promise<number[]>;
	/** Rows (ascending) with a finding of this check or variable (warnings and errors unless a severity, or 'any', is given) and/or of this severity. */
	flaggedRows(q: { check?: string | null; severity?: Severity | 'any' | null; variable?: string | null }): Promise<number[]>;
	/** Scored rows below 100, lowest score first; the other rows all score 100. */
	rowsByScore(): Promise<number[]>;
	/** Rows (ascending) the bot check scored, with each one's probability of being a random responder. */
	botProbabilities(): Promise<{ rows: number[]; probability: number[] }>;
	/** Refits the bot check's reviewer layer on keep / exclude decisions (by data row); precision before and after. */
	learnBot(decisions: { row: number; exclude: boolean }[]): Promise<Learning>;
	/** Every finding of one row from the last check run, with its variable, message and evidence. */
	rowFindings(row: number): Promise<RowFinding[]>;
	/** Rows (ascending) where any of `variables` contains `text` (case-insensitive, matched literally). */
	searchText(variables: string[], text: string): Promise<number[]>;
	/**
	 * The cleaned dataset as a file: the recipe replayed on the data, plus `sieve_score` and
	 * `sieve_verdict` from the last check run when `flags`. Same code as `sieve export`.
	 */
	exportCleaned(
		req: { format: ExportFormat; recipe: Recipe | null; flags: boolean; bom?: boolean; sha256?: string | null },
		onProgress?: (p: { rows: number; total: number }) => void
	): Promise<{ blob: Blob; report: ApplyReport; warnings: string[] }>;
	/** The data-quality report of the last check run (`summary`), with the cleaning `recipe` does. */
	report(req: { summary: RunSummary; recipe: Recipe | null; meta: ReportMeta }): Promise<Report>;
	/** The recipe as SPSS syntax that turns the original `file` into the cleaned data (SELECT IF, IF … =, comments with reasons). */
	recipeSyntax(req: { recipe: Recipe; file?: string }): Promise<string>;
	/** Every finding of the last check run (respondent id, check, severity, variable, message, evidence), formula-safe. */
	exportFindings(format: FindingsFormat): Promise<Blob>;
	/** Respondents removed and key means with and without them, per removal threshold (score, then bot probability). */
	whatIf(req: { thresholds: number[]; variables: string[]; botThresholds?: number[] }): Promise<WhatIfRow[]>;
}
