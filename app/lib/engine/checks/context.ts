import type { Dictionary } from '../../dataset/dictionary';
import type { SqlDb } from '../sql/db';
import type { SurveyRoles } from '../roles/types';
import { buildAnswerFeatures } from '../text/answer-features';
import { computeCareless, loadGridMatrix, type CarelessResult } from '../careless';
import type { Grid } from '../roles/types';
import { effectiveDictionary } from '../roles/missing-codes';
import type { SieveConfig } from './config';
import { Frag, ident, sql } from '../sql/frag';
import { isMissing, valueOf } from '../dataset/missing';
import type { Check, CheckContext, ParamValue } from './types';

/** Shared, per-run state: respondent ids and text features, computed once for every check. */
export interface RunState {
	db: SqlDb;
	dictionary: Dictionary;
	roles: SurveyRoles;
	config: SieveConfig;
	ids: (string | number)[] | null;
	/** Name of this run's answer-features table, built on first use. */
	answers: { table: string; built: Promise<void> | null };
	careless: Map<string, Promise<GridIndices>>;
}

export interface GridIndices {
	grid: Grid;
	/** `__row` of each respondent, ascending. */
	rows: Int32Array;
	/** Row-major respondents × items, NaN = missing, as computeCareless saw it. */
	matrix: Float64Array;
	result: CarelessResult;
}

let runs = 0;

export async function createRunState(db: SqlDb, dictionary: Dictionary, roles: SurveyRoles, config: SieveConfig): Promise<RunState> {
	let ids: (string | number)[] | null = null;
	if (roles.id) {
		const t = await db.query(`SELECT ${ident(roles.id).text} AS id FROM data ORDER BY __row`);
		const col = t.getChild('id')!;
		ids = new Array(t.numRows);
		for (let i = 0; i < t.numRows; i++) {
			const v = col.get(i);
			ids[i] = typeof v === 'bigint' ? Number(v) : v === null ? i + 1 : v;
		}
	}
	return {
		db,
		dictionary: effectiveDictionary(dictionary, roles.missingCodes ?? {}),
		roles,
		config,
		ids,
		answers: { table: `__sieve_answers_${++runs}`, built: null },
		careless: new Map()
	};
}

export function paradataOf(roles: SurveyRoles): Set<string> {
	return new Set(
		[
			roles.id,
			roles.start,
			roles.end,
			roles.duration,
			roles.ip,
			roles.userAgent,
			roles.weight,
			...roles.pageTimes,
			...roles.paradata
		].filter((x): x is string => !!x)
	);
}

export function resolveParams(check: Check, config: SieveConfig): Record<string, ParamValue> {
	const given = config.checks?.[check.id] ?? {};
	const out: Record<string, ParamValue> = {};
	for (const [k, spec] of Object.entries(check.params)) {
		const v = given[k] ?? spec.default;
		if (spec.type === 'number' && v !== null && typeof v !== 'number') throw new Error(`config: checks.${check.id}.${k} must be a number`);
		if (
			spec.type === 'number' &&
			typeof v === 'number' &&
			((spec.min !== undefined && v < spec.min) || (spec.max !== undefined && v > spec.max))
		)
			throw new Error(`config: checks.${check.id}.${k} must be between ${spec.min ?? '-∞'} and ${spec.max ?? '∞'}`);
		out[k] = v;
	}
	return out;
}

export function createContext(state: RunState, check: Check, signal?: AbortSignal): CheckContext {
	const vars = new Map(state.dictionary.variables.map((v) => [v.name, v]));
	const variable = (name: string) => {
		const v = vars.get(name);
		if (!v) throw new Error(`unknown variable ${name}`);
		return v;
	};
	const paradata = paradataOf(state.roles);
	return {
		db: state.db,
		dictionary: state.dictionary,
		roles: state.roles,
		config: state.config,
		params: resolveParams(check, state.config),
		signal,
		substantive: state.dictionary.variables.map((v) => v.name).filter((n) => !paradata.has(n)),
		isMissing: (name) => isMissing(variable(name)),
		value: (name) => valueOf(variable(name)),
		respondent: (row) => (state.ids ? state.ids[row - 1] : row),
		answerFeatures: (name) => answerFeatures(state, name),
		careless: (grid) => gridIndices(state, grid)
	};
}

/** The answer features of one open end as a subquery (`r`, `non_answer`, `gibberish`, `sentiment`, `lang`). */
async function answerFeatures(state: RunState, name: string): Promise<Frag> {
	const v = state.roles.openEnds.indexOf(name);
	if (v < 0) throw new Error(`${name} is not an open end`);
	const a = state.answers;
	a.built ??= buildAnswerFeatures(
		state.db,
		state.roles.openEnds.map((n) => state.dictionary.variables.find((x) => x.name === n)!),
		a.table
	);
	await a.built;
	return sql`(SELECT r, non_answer, gibberish, sentiment, lang FROM ${new Frag(a.table, [])} WHERE v = ${v})`;
}

/** Drops the tables the checks built in the database; they are built again if asked for. */
export async function releaseRunState(state: RunState): Promise<void> {
	if (!state.answers.built) return;
	state.answers.built = null;
	await state.db.exec(`DROP TABLE IF EXISTS ${state.answers.table}`);
}

/** The careless indices of a grid (SPEC §4), computed once per run and shared by the checks and RESULT. */
export function gridIndices(state: RunState, grid: Grid): Promise<GridIndices> {
	let p = state.careless.get(grid.name);
	if (!p) {
		p = (async () => {
			const m = await loadGridMatrix(state.db, state.dictionary, grid.items);
			const pos = (name: string) => grid.items.indexOf(name);
			const factors = grid.factors ? Object.values(grid.factors).map((f) => f.map(pos)) : undefined;
			const crit = state.config.checks?.careless?.psychsynCritval;
			const result = computeCareless(m.matrix, m.n, m.k, {
				reversed: grid.reversed.map(pos).filter((i) => i >= 0),
				scale: grid.scale ?? undefined,
				factors,
				psychsynCritval: typeof crit === 'number' ? crit : undefined
			});
			return { grid, rows: m.rowIds, matrix: m.matrix, result };
		})();
		state.careless.set(grid.name, p);
	}
	return p;
}
