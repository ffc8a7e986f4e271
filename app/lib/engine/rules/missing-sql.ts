import type { Variable } from '../../dataset/dictionary';
import type { SqlValue } from '../sql/db';
import { quoteIdent } from '../sql/quote';

export interface SqlFragment {
	sql: string;
	params: SqlValue[];
}

/**
 * SQL that is true where a variable's value is missing: SQL NULL, NaN, a blank string, or one of
 * its user-missing values (discrete, or the range whose null bounds mean LOWEST / HIGHEST).
 */
export function missingPredicate(variable: Variable): SqlFragment {
	const col = quoteIdent(variable.name);
	const parts = [`${col} IS NULL`];
	const params: SqlValue[] = [];
	const isString = variable.type === 'string';
	const cast = isString ? 'VARCHAR' : 'DOUBLE';
	if (variable.type === 'numeric' || variable.type === 'time') parts.push(`isnan(${col})`);
	if (isString) parts.push(`trim(${col}) = ''`);
	const values = variable.missing.values.filter((v) =>
		isString ? typeof v === 'string' : typeof v === 'number' && Number.isFinite(v)
	);
	if (values.length > 0) {
		parts.push(`${col} IN (${values.map(() => `CAST(? AS ${cast})`).join(', ')})`);
		params.push(...values);
	}
	const range = variable.missing.range;
	if (range && !isString && (range[0] !== null || range[1] !== null)) {
		const bounds: string[] = [];
		if (range[0] !== null) {
			bounds.push(`${col} >= CAST(? AS DOUBLE)`);
			params.push(range[0]);
		}
		if (range[1] !== null) {
			bounds.push(`${col} <= CAST(? AS DOUBLE)`);
			params.push(range[1]);
		}
		parts.push(`(${bounds.join(' AND ')})`);
	}
	return { sql: `(${parts.join(' OR ')})`, params };
}

/** The variable's value, or NULL where it is missing (user-missing values behave as missing). */
export function valueOrNull(variable: Variable): SqlFragment {
	const col = quoteIdent(variable.name);
	const hasUserMissing =
		variable.missing.values.length > 0 || variable.missing.range !== null || variable.type === 'string';
	if (!hasUserMissing && variable.type !== 'numeric' && variable.type !== 'time') return { sql: col, params: [] };
	const missing = missingPredicate(variable);
	return { sql: `(CASE WHEN ${missing.sql} THEN NULL ELSE ${col} END)`, params: missing.params };
}
