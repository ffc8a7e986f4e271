import type { AuditEvent } from './events';

const KEYS = ['actor', 'hash', 'payload', 'prev', 'seq', 'time', 'type'];
const HASH = /^[0-9a-f]{64}$/;

/** Why `value` is not a well-formed AuditEvent, or null when it is. Extra or missing fields count. */
export function eventShapeProblem(value: unknown): string | null {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object';
	const keys = Object.keys(value).sort();
	if (keys.length !== KEYS.length || keys.some((k, i) => k !== KEYS[i])) {
		return `fields are ${keys.join(',') || 'none'}, expected ${KEYS.join(',')}`;
	}
	const e = value as Record<string, unknown>;
	if (typeof e.seq !== 'number' || !Number.isSafeInteger(e.seq) || e.seq < 0) return 'seq is not a non-negative integer';
	if (typeof e.time !== 'string') return 'time is not a string';
	if (typeof e.actor !== 'string') return 'actor is not a string';
	if (typeof e.type !== 'string') return 'type is not a string';
	if (typeof e.payload !== 'object' || e.payload === null || Array.isArray(e.payload)) return 'payload is not an object';
	if (typeof e.prev !== 'string' || !HASH.test(e.prev)) return 'prev is not 64 lowercase hex digits';
	if (typeof e.hash !== 'string' || !HASH.test(e.hash)) return 'hash is not 64 lowercase hex digits';
	return null;
}

export function isAuditEvent(value: unknown): value is AuditEvent {
	return eventShapeProblem(value) === null;
}
