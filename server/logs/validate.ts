import { LOG_LEVELS, type LogEntry, type LogLevel } from '../protocol/logs';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A valid ISO-8601 date-time as ms epoch, else null. */
export function parseIsoTime(value: string): number | null {
	if (!ISO.test(value)) return null;
	const t = Date.parse(value);
	return Number.isNaN(t) ? null : t;
}

export const isLevel = (v: unknown): v is LogLevel => LOG_LEVELS.includes(v as LogLevel);

/** The entry, or a one-line reason it is not one (prefixed with its index by the caller). */
export function validateEntry(v: unknown): LogEntry | string {
	if (!isObject(v)) return 'must be an object';
	const { time, level, message, context, error, count } = v;
	if (typeof time !== 'string' || parseIsoTime(time) === null) return 'time must be an ISO-8601 date-time';
	if (!isLevel(level)) return `level must be one of ${LOG_LEVELS.join(', ')}`;
	if (typeof message !== 'string') return 'message must be a string';
	if (context !== undefined && !isObject(context)) return 'context must be an object';
	if (error !== undefined) {
		if (!isObject(error) || typeof error.name !== 'string' || typeof error.message !== 'string')
			return 'error must have a name and a message';
		if (error.stack !== undefined && typeof error.stack !== 'string') return 'error.stack must be a string';
	}
	if (count !== undefined && !(Number.isInteger(count) && (count as number) >= 1 && (count as number) <= 1e6))
		return 'count must be an integer from 1 to 1000000';
	const entry: LogEntry = { time, level, message };
	if (context) entry.context = context;
	if (isObject(error))
		entry.error = {
			name: error.name as string,
			message: error.message as string,
			...(typeof error.stack === 'string' ? { stack: error.stack } : {})
		};
	if (count !== undefined) entry.count = count as number;
	return entry;
}
