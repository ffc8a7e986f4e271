import { EMAIL_RE } from '../../app/lib/text/pii/net';

const MAX_KEYS = 50;
const MAX_ITEMS = 200;
const MAX_STRING = 128;
const MAX_WORDS = 8;
const KEY = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

const stringError = (key: string, value: string): string | null => {
	if (value.length > MAX_STRING) return `data.${key}: strings are ids of at most ${MAX_STRING} characters`;
	if (value.trim().split(/\s+/).length > MAX_WORDS) return `data.${key}: looks like text, not an id or a count`;
	if (value.match(EMAIL_RE)) return `data.${key}: contains an e-mail address`;
	return null;
};

const scalarError = (key: string, value: unknown): string | null => {
	if (typeof value === 'string') return stringError(key, value);
	if (typeof value === 'number') return Number.isFinite(value) ? null : `data.${key}: numbers must be finite`;
	return `data.${key}: only numbers, booleans, ids and lists of them`;
};

/**
 * Why `data` is not what `POST /events` accepts, or null: a flat object of counts and ids
 * (numbers, booleans, short id strings, lists of numbers or ids), never answers.
 */
export function eventDataError(data: unknown): string | null {
	if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'data must be an object of counts and ids';
	const entries = Object.entries(data);
	if (entries.length > MAX_KEYS) return `data has more than ${MAX_KEYS} fields`;
	for (const [key, value] of entries) {
		if (!KEY.test(key)) return `data.${key.slice(0, 64)}: field names are letters, digits, _ . -`;
		if (value === null || typeof value === 'boolean') continue;
		if (Array.isArray(value)) {
			if (value.length > MAX_ITEMS) return `data.${key}: lists hold at most ${MAX_ITEMS} items`;
			const why = value.map((item) => scalarError(key, item)).find(Boolean);
			if (why) return why;
			continue;
		}
		const why = scalarError(key, value);
		if (why) return why;
	}
	return null;
}
