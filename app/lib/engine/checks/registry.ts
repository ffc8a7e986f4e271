import type { Dictionary } from '../../dataset/dictionary';
import type { SqlDb } from '../sql/db';
import type { SurveyRoles } from '../roles/types';
import type { SieveConfig } from './config';
import { createContext, createRunState, releaseRunState, type RunState } from './context';
import type { Check, Finding, Need } from './types';
import anomaly from './anomaly';
import bot from './bot';
import brevity from './brevity';
import categories from './categories';
import closedOpen from './closed-open';
import completeness from './completeness';
import consistency from './consistency';
import dates from './dates';
import distribution from './distribution';
import duplicates from './duplicates';
import formats from './formats';
import missing from './missing';
import outliers from './outliers';
import language from './language';
import pii from './pii';
import plagiarism from './plagiarism';
import patterns from './patterns';
import range from './range';
import repeatedItems from './repeated-items';
import sections from './sections';
import sentiment from './sentiment';
import skipLogic from './skip-logic';
import speeders from './speeders';
import straightlining from './straightlining';
import textQuality from './text-quality';
import timing from './timing';
import types from './types-check';

/** The standard checks of SPEC §4, in the order they run. */
export const STANDARD_CHECKS: readonly Check[] = [
	missing,
	duplicates,
	outliers,
	categories,
	dates,
	range,
	textQuality,
	patterns,
	completeness,
	consistency,
	speeders,
	straightlining,
	skipLogic,
	sentiment,
	timing,
	types,
	distribution,
	repeatedItems,
	formats,
	sections,
	bot,
	anomaly,
	pii,
	language,
	plagiarism,
	brevity,
	closedOpen
];

export interface CheckRun {
	id: string;
	title: string;
	version: number;
	/** Skipped because the data lacks a role the check needs. */
	skipped: string | null;
	findings: Finding[];
	/** Respondents with at least one warning or error from this check (info findings are evidence only). */
	flagged: number;
	ms: number;
	error: string | null;
}

export interface RunOptions {
	only?: string[];
	onProgress?: (p: { id: string; index: number; total: number; state: 'start' | 'done'; ms?: number }) => void;
	signal?: AbortSignal;
	checks?: readonly Check[];
	/** Reuse per-run state (ids, text features, careless indices), e.g. to read indices afterwards. */
	state?: RunState;
	/** Takes each check's findings as it ends; the runs returned then hold none, so a big file's findings are never all in memory. */
	sink?: (run: CheckRun) => Promise<void>;
}

export function missingNeed(check: Check, roles: SurveyRoles, config: SieveConfig, dict: Dictionary): Need | null {
	const has: Record<Need, boolean> = {
		duration: !!roles.duration || (!!roles.start && !!roles.end) || roles.pageTimes.length > 1,
		start: !!roles.start || !!roles.end,
		grids: roles.grids.length > 0,
		'open-ends': roles.openEnds.length > 0,
		rules: (config.rules?.length ?? 0) > 0,
		skips: (config.skips?.length ?? 0) > 0,
		strings: dict.variables.some((v) => v.type === 'string'),
		numbers: dict.variables.some((v) => v.type === 'numeric'),
		dates: dict.variables.some((v) => v.type === 'date' || v.type === 'datetime')
	};
	return check.needs.find((n) => !has[n]) ?? null;
}

/**
 * Runs the standard checks one after another (DuckDB-WASM has one thread), reporting progress
 * and honouring `signal` between checks. A failing check is reported, not thrown.
 * @example const runs = await runChecks(db, dictionary, roles, config, { only: ['speeders'] });
 */
export async function runChecks(
	db: SqlDb,
	dictionary: Dictionary,
	roles: SurveyRoles,
	config: SieveConfig,
	opts: RunOptions = {}
): Promise<CheckRun[]> {
	const state = opts.state ?? (await createRunState(db, dictionary, roles, config));
	try {
		return await runEach(db, dictionary, roles, config, opts, state);
	} finally {
		await releaseRunState(state);
	}
}

async function runEach(
	db: SqlDb,
	dictionary: Dictionary,
	roles: SurveyRoles,
	config: SieveConfig,
	opts: RunOptions,
	state: RunState
): Promise<CheckRun[]> {
	const all = opts.checks ?? STANDARD_CHECKS;
	if (opts.only) {
		const unknown = opts.only.filter((id) => !all.some((c) => c.id === id));
		if (unknown.length) throw new Error(`unknown check ${unknown.join(', ')}`);
	}
	const list = opts.only ? all.filter((c) => opts.only!.includes(c.id)) : all;
	const runs: CheckRun[] = [];
	for (const [index, check] of list.entries()) {
		if (opts.signal?.aborted) throw opts.signal.reason ?? new Error('check run cancelled');
		opts.onProgress?.({ id: check.id, index, total: list.length, state: 'start' });
		const t0 = performance.now();
		const need = missingNeed(check, roles, config, dictionary);
		let findings: Finding[] = [];
		let error: string | null = null;
		if (!need) {
			try {
				findings = withSeverity(await check.run(createContext(state, check, opts.signal)), config.checks?.[check.id]?.severity);
			} catch (e) {
				if (opts.signal?.aborted) throw e;
				error = e instanceof Error ? e.message : String(e);
			}
		}
		const ms = Math.round(performance.now() - t0);
		const flagged = new Set(findings.filter((f) => f.row !== undefined && f.severity !== 'info').map((f) => f.row)).size;
		const run: CheckRun = {
			id: check.id,
			title: check.title,
			version: check.version,
			skipped: need ? `needs ${need}` : null,
			findings,
			flagged,
			ms,
			error
		};
		if (opts.sink) {
			await opts.sink(run);
			run.findings = [];
		}
		runs.push(run);
		opts.onProgress?.({ id: check.id, index, total: list.length, state: 'done', ms });
	}
	return runs;
}

/** CONFIG `checks.<id>.severity` moves the check's warnings and errors to that severity; info stays info. */
function withSeverity(findings: Finding[], severity: unknown): Finding[] {
	if (severity !== 'info' && severity !== 'warning' && severity !== 'error') return findings;
	return findings.map((f) => (f.severity === 'info' ? f : { ...f, severity }));
}
