import type { Variable } from '../../dataset/dictionary';
import type { SqlValue } from '../sql/db';
import { Frag, ident, join, sql } from '../sql/frag';

/**
 * The one definition of "missing" (SPEC §3) for every check, rule, index, summary, what-if and
 * export: system-missing (NULL, NaN), a string that is empty after trimming, or a declared or
 * inferred user-missing code (discrete values and a range whose null bounds mean LOWEST / HIGHEST).
 * Callers pass the effective dictionary's variable, so inferred codes such as 99 are included.
 */

// SQL's trim() removes spaces only; answers also arrive padded with tabs, line breaks and no-break
// spaces. The same set as JavaScript's String.prototype.trim for the characters surveys contain.
const BLANKS = ' \t\n\r\v\f\u00a0\u2007\u202f\u3000\ufeff';

/** NULL, NaN or blank text: no value at all. */
export function systemMissing(v: Variable, col: Frag = ident(v.name)): Frag {
	if (v.type === 'string') return sql`(${col} IS NULL OR trim(${col}, ${BLANKS}) = '')`;
	if (v.type === 'numeric' || v.type === 'time') return sql`(${col} IS NULL OR isnan(${col}))`;
	return sql`(${col} IS NULL)`;
}

export function hasUserMissing(v: Variable): boolean {
	return (
		v.missing.values.length > 0 ||
		(v.missing.range !== null && v.type !== 'string' && (v.missing.range[0] !== null || v.missing.range[1] !== null))
	);
}

/** A value that is one of the variable's user-missing codes; FALSE when it declares none. */
export function userMissing(v: Variable, col: Frag = ident(v.name)): Frag {
	const parts: Frag[] = [];
	const text = v.type === 'string';
	const values = v.missing.values.filter((x) => (text ? typeof x === 'string' : typeof x === 'number' && Number.isFinite(x)));
	if (values.length) {
		const cast = new Frag(text ? 'VARCHAR' : 'DOUBLE', []);
		parts.push(sql`${col} IN (${join(values.map((x) => sql`CAST(${x as SqlValue} AS ${cast})`))})`);
	}
	const r = v.missing.range;
	if (r && !text) {
		if (r[0] !== null && r[1] !== null) parts.push(sql`(${col} >= ${r[0]} AND ${col} <= ${r[1]})`);
		else if (r[0] !== null) parts.push(sql`${col} >= ${r[0]}`);
		else if (r[1] !== null) parts.push(sql`${col} <= ${r[1]}`);
	}
	if (!parts.length) return new Frag('FALSE', []);
	return parts.length === 1 ? parts[0] : sql`(${join(parts, ' OR ')})`;
}

/** SQL that is true where the variable's value is missing, system or user. */
export function isMissing(v: Variable, col: Frag = ident(v.name)): Frag {
	if (!hasUserMissing(v)) return systemMissing(v, col);
	return sql`(${systemMissing(v, col)} OR ${userMissing(v, col)})`;
}

/** The variable's value, NULL where it is missing. */
export function valueOf(v: Variable, col: Frag = ident(v.name)): Frag {
	if (!hasUserMissing(v) && v.type !== 'string' && v.type !== 'numeric' && v.type !== 'time') return col;
	return sql`(CASE WHEN ${isMissing(v, col)} THEN NULL ELSE ${col} END)`;
}
