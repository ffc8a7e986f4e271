/** Dictionary and column values in the units a system file stores. */
import type { Variable } from '../../../dataset/dictionary';
import { epochMsToSpssSeconds } from '../dates';

export const SYSMIS = -Number.MAX_VALUE;
export const HIGHEST = Number.MAX_VALUE;
/** The pre-SPSS-21 LOWEST (0xffeffffffffffffe), so that it never reads as SYSMIS. */
export const LOWEST = -1.7976931348623155e308;

/** Dates and datetimes are ms since 1970 in Sieve and seconds since 1582-10-14 in SPSS. */
export function toStored(v: Variable, x: number): number {
	return v.type === 'date' || v.type === 'datetime' ? epochMsToSpssSeconds(x) : x;
}

/** A value-label key or missing value ("1", "2.5", 3) as a stored number; undefined if not numeric. */
export function storedNumber(v: Variable, key: number | string): number | undefined {
	const x = typeof key === 'number' ? key : key.trim() === '' ? NaN : Number(key);
	return Number.isFinite(x) ? toStored(v, x) : undefined;
}
