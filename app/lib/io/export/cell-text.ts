import type { VarType } from '../../dataset/dictionary';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** "YYYY-MM-DD" from ms since 1970 (UTC); years before 1000 keep four digits. */
export function isoDate(ms: number): string {
	const d = new Date(ms);
	return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** "YYYY-MM-DDTHH:MM:SS[.fff]" from ms since 1970 (UTC), as `sieve inspect` prints datetimes. */
export function isoDateTime(ms: number): string {
	const d = new Date(Math.round(ms));
	const frac = d.getUTCMilliseconds();
	return `${isoDate(ms)}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${frac ? `.${pad(frac, 3)}` : ''}`;
}

/** A non-text value as CSV shows it: numbers and times (seconds) in shortest form, dates ISO, missing empty. */
export function numberText(type: VarType, x: number): string {
	if (Number.isNaN(x)) return '';
	if (type === 'date') return isoDate(x);
	if (type === 'datetime') return isoDateTime(x);
	return String(x);
}
