import type { Dictionary, Variable } from '../../dataset/dictionary';
import { SIEVE_ID, idVariableOf } from '../../dataset/id';
import { ROW_COLUMN } from '../../io/arrow-ipc';
import { DATA_TABLE } from '../import/finish';
import { detectRoles } from '../roles';
import type { SqlDb } from '../sql/db';
import { ident, rows, sql, Frag } from '../sql/frag';
import { isMissing } from './missing';

/** Whether a variable can name respondents: exact counts over the whole table (an approximate distinct count would blur one repeat). */
export interface IdQuality {
	rows: number;
	/** Rows whose id is missing (NULL, blank text or a user-missing code). */
	empty: number;
	/** Rows sharing their id with another row. */
	duplicated: number;
	distinct: number;
	/** Every row has a value and no two rows share one. */
	usable: boolean;
}

export async function idQuality(db: SqlDb, v: Variable): Promise<IdQuality> {
	const table = new Frag(DATA_TABLE, []);
	const [r] = await rows<Record<string, number>>(
		db,
		sql`WITH k AS (SELECT CASE WHEN ${isMissing(v)} THEN NULL ELSE ${ident(v.name)} END AS k FROM ${table}),
		    g AS (SELECT count(*) AS n FROM k WHERE k IS NOT NULL GROUP BY k)
		    SELECT (SELECT count(*) FROM k) AS rows, (SELECT count(*) - count(k) FROM k) AS empty,
		           (SELECT coalesce(sum(n) FILTER (WHERE n > 1), 0) FROM g) AS duplicated, (SELECT count(*) FROM g) AS distinct_`
	);
	const q = { rows: Number(r.rows), empty: Number(r.empty), duplicated: Number(r.duplicated), distinct: Number(r.distinct_) };
	return { ...q, usable: q.rows > 0 && q.empty === 0 && q.duplicated === 0 };
}

export function describeIdProblem(name: string, q: IdQuality): string {
	const parts = [q.empty ? `${q.empty} empty` : '', q.duplicated ? `${q.duplicated} rows share a value` : ''].filter(Boolean);
	return `${name} cannot name respondents (${parts.join(', ')})`;
}

/**
 * At import: marks the detected respondent id (role `id`), or, when no variable can serve (absent,
 * duplicated or empty values), adds `sieve_id` = file order as the first variable, so decisions,
 * findings and recipes always name respondents by a value that travels with the exported file.
 */
export async function assignRespondentId(db: SqlDb, dictionary: Dictionary): Promise<Dictionary> {
	const declared = idVariableOf(dictionary);
	// detection only returns a usable id; an id-named column with repeats or blanks is `idLike`,
	// named in the warning so the user sees why Sieve added its own
	const roles = declared ? null : await detectRoles(db, dictionary, {});
	const candidate = declared ?? roles?.id ?? roles?.idLike ?? null;
	const warnings = [...dictionary.warnings];
	if (candidate) {
		const v = dictionary.variables.find((x) => x.name === candidate)!;
		const q = await idQuality(db, v);
		if (q.usable) return withIdRole(dictionary, candidate);
		warnings.push(`${describeIdProblem(candidate, q)}: Sieve added ${SIEVE_ID} (file order) to name them`);
	} else warnings.push(`No respondent id variable found: Sieve added ${SIEVE_ID} (file order) to name respondents`);
	const name = freeName(dictionary, SIEVE_ID);
	const table = ident(DATA_TABLE).text;
	await db.exec(
		`CREATE OR REPLACE TABLE ${table} AS SELECT ${ROW_COLUMN}, CAST(${ROW_COLUMN} AS DOUBLE) AS ${ident(name).text}, * EXCLUDE (${ROW_COLUMN}) FROM ${table}`
	);
	const added: Variable = {
		name,
		label: 'Respondent id added by Sieve (file order)',
		type: 'numeric',
		width: 8,
		format: 'F8.0',
		measure: 'nominal',
		valueLabels: {},
		missing: { values: [], range: null },
		role: 'id'
	};
	const variables = dictionary.variables.map((x) => (x.role === 'id' ? { ...x, role: null } : x));
	return { ...dictionary, variables: [added, ...variables], warnings };
}

function withIdRole(dictionary: Dictionary, name: string): Dictionary {
	return {
		...dictionary,
		variables: dictionary.variables.map((v) => (v.name === name ? { ...v, role: 'id' } : v.role === 'id' ? { ...v, role: null } : v))
	};
}

function freeName(dictionary: Dictionary, base: string): string {
	const taken = new Set(dictionary.variables.map((v) => v.name.toLowerCase()));
	let name = base;
	for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base}_${i}`;
	return name;
}

/**
 * The variable recipes, decisions and findings name respondents by: CONFIG `id` (which must exist
 * and be usable — a repeated or empty value would make one decision hit several respondents, or the
 * wrong one), else the dictionary's id role, else the detected id (working copies imported before
 * ids were assigned), else `__row`. A CONFIG id that is unusable or not in the file is reported in
 * `problem` and not used.
 */
export async function resolveIdVariable(db: SqlDb, dictionary: Dictionary, configId?: string): Promise<{ name: string; problem?: string }> {
	const fallback = async () => idVariableOf(dictionary) ?? (await detectRoles(db, dictionary, {})).id ?? ROW_COLUMN;
	if (!configId) return { name: await fallback() };
	const v = dictionary.variables.find((x) => x.name === configId);
	const q = v ? await idQuality(db, v) : null;
	if (q?.usable) return { name: configId };
	const name = await fallback();
	const why = q ? describeIdProblem(configId, q) : `"${configId}" is not a variable of the file`;
	return { name, problem: `id: ${why}; respondents stay named by ${name === ROW_COLUMN ? 'row number' : name}` };
}
