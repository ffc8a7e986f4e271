/**
 * SPSS stores dates, datetimes and times as seconds: dates and datetimes since the Gregorian
 * epoch 1582-10-14 00:00:00, times and durations as plain seconds.
 */
import type { VarType } from '../../dataset/dictionary';

/** Seconds from 1582-10-14 to 1970-01-01 (141428 days). */
export const SPSS_EPOCH_OFFSET_SECONDS = 12219379200;

const DATE_FORMATS = new Set(['DATE', 'ADATE', 'EDATE', 'SDATE', 'JDATE', 'QYR', 'MOYR', 'WKYR']);
const DATETIME_FORMATS = new Set(['DATETIME', 'YMDHMS']);
const TIME_FORMATS = new Set(['TIME', 'DTIME', 'MTIME']);

export function isDateFormat(type: string): boolean {
	return DATE_FORMATS.has(type.toUpperCase());
}

export function isDateTimeFormat(type: string): boolean {
	return DATETIME_FORMATS.has(type.toUpperCase());
}

export function isTimeFormat(type: string): boolean {
	return TIME_FORMATS.has(type.toUpperCase());
}

/** Sieve's type for a numeric variable with this format; WKDAY and MONTH stay numeric. */
export function varTypeForFormat(type: string): VarType {
	if (isDateFormat(type)) return 'date';
	if (isDateTimeFormat(type)) return 'datetime';
	if (isTimeFormat(type)) return 'time';
	return 'numeric';
}

/** SPSS seconds since 1582-10-14 → ms since 1970-01-01 UTC; NaN stays NaN. */
export function spssSecondsToEpochMs(seconds: number): number {
	return (seconds - SPSS_EPOCH_OFFSET_SECONDS) * 1000;
}

export function epochMsToSpssSeconds(ms: number): number {
	return ms / 1000 + SPSS_EPOCH_OFFSET_SECONDS;
}
