import type { Dictionary } from '../../dataset/dictionary';
import type { SqlDb } from '../sql/db';
import type { SurveyRoles } from '../roles/types';
import type { SieveConfig } from './config';
import type { Frag } from '../sql/frag';
import type { GridIndices } from './context';
import type { Grid } from '../roles/types';

export type Level = 'dataset' | 'variable' | 'respondent' | 'cell';
export type Severity = 'info' | 'warning' | 'error';

/** One problem found by a check (SPEC §3). */
export interface Finding {
	check: string;
	level: Level;
	/** Value of the id variable (the row number when the file has none). */
	respondent?: string | number;
	/** `__row` of the respondent, for joining back to the data. */
	row?: number;
	variable?: string;
	severity: Severity;
	/** 0..1, how strongly the evidence points at a problem. */
	score: number;
	message: string;
	evidence: Record<string, unknown>;
}

export type Category = 'completeness' | 'fraud' | 'validity' | 'attention' | 'text' | 'timing' | 'structure';

/** Roles a check cannot run without; `grids` means at least one grid, and so on. */
export type Need = 'duration' | 'start' | 'grids' | 'open-ends' | 'rules' | 'skips' | 'strings' | 'numbers' | 'dates';

export type ParamValue = number | boolean | string | string[] | null;

export interface ParamSpec {
	type: 'number' | 'boolean' | 'string' | 'string[]';
	default: ParamValue;
	description: string;
	min?: number;
	max?: number;
}

export interface CheckContext {
	db: SqlDb;
	dictionary: Dictionary;
	roles: SurveyRoles;
	config: SieveConfig;
	params: Record<string, ParamValue>;
	/** The variable's value with user-missing (and empty text) turned into NULL. */
	value(name: string): Frag;
	/** SQL that is true when the variable is missing (system or user). */
	isMissing(name: string): Frag;
	/** Respondent id of a row (the id variable's value, or the row number). */
	respondent(row: number): string | number;
	/** The answer variables: everything except id, paradata, timers and weights. */
	substantive: string[];
	/**
	 * Features of an open end's non-missing answers, computed once per run: a subquery with `r`
	 * (`__row`), `non_answer`, `gibberish`, `sentiment` and `lang` (an index of LANG_CODES).
	 */
	answerFeatures(name: string): Promise<Frag>;
	/** Careless-responding indices of a grid, computed once per run. */
	careless(grid: Grid): Promise<GridIndices>;
	signal?: AbortSignal;
}

export interface Check {
	id: string;
	version: number;
	title: string;
	description: string;
	category: Category;
	severity: Severity;
	needs: Need[];
	params: Record<string, ParamSpec>;
	run(ctx: CheckContext): Promise<Finding[]>;
}

/** Helper for check files: keeps the object literal typed. */
export const defineCheck = (c: Check): Check => c;
