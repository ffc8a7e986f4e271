import type { Variable, VarType } from '../../dataset/dictionary';
import type { SqlValue } from '../sql/db';
import type { RecipeValue, RespondentId } from './types';

export type Coerced = { ok: true; value: SqlValue } | { ok: false; reason: string };

const SQL_TYPE: Record<VarType, string> = { numeric: 'DOUBLE', string: 'VARCHAR', date: 'DATE', datetime: 'TIMESTAMP', time: 'DOUBLE' };
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?$/;

/** The DuckDB type a variable of this kind has in `data`, for CAST(? AS …). */
export function sqlTypeOf(type: VarType): string {
	return SQL_TYPE[type];
}

/**
 * Checks a recipe value against a variable's type: numbers for numeric and time (seconds) variables,
 * "YYYY-MM-DD" for dates, "YYYY-MM-DDTHH:MM:SS[.ffffff]" for datetimes, text for strings (a number
 * is taken as its text, since codes move between numeric and text columns across waves).
 */
export function coerceValue(v: Variable, value: RecipeValue): Coerced {
	if (value === null) return { ok: true, value: null };
	const bad = (): Coerced => ({ ok: false, reason: `value ${JSON.stringify(value)} does not fit ${v.type} variable "${v.name}"` });
	switch (v.type) {
		case 'numeric':
		case 'time':
			return typeof value === 'number' ? { ok: true, value } : bad();
		case 'string':
			return { ok: true, value: typeof value === 'number' ? String(value) : value };
		case 'date':
			return typeof value === 'string' && validDate(value, DATE) ? { ok: true, value } : bad();
		case 'datetime':
			return typeof value === 'string' && validDate(value, DATETIME) ? { ok: true, value: value.replace(' ', 'T') } : bad();
	}
}

/**
 * The respondent id as the id column holds it. Ids are matched leniently: a wave exported as CSV
 * may hold as text ("17") what an SPSS wave held as a number.
 */
export function coerceRespondent(idType: VarType | 'row', id: RespondentId): SqlValue | undefined {
	if (idType === 'string') return String(id);
	const n = typeof id === 'number' ? id : /^\s*-?\d+(\.\d+)?\s*$/.test(id) ? Number(id) : NaN;
	if (!Number.isFinite(n)) return undefined;
	if (idType === 'row' && !Number.isInteger(n)) return undefined;
	return n;
}

function validDate(text: string, pattern: RegExp): boolean {
	const m = pattern.exec(text);
	if (!m) return false;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const day = new Date(Date.UTC(y, mo - 1, d));
	if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return false;
	return m[4] === undefined || (Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6]) < 60);
}
