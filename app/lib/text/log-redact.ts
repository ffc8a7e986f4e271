import { maskPii } from './pii';

/** Context keys whose values are secrets whatever they hold. */
const SECRET_KEY = /pass(word|phrase|wd)?|token|secret|api[-_]?key|authori[sz]ation|cookie|session|credential|private[-_]?key/i;
const LOG_PII = { kinds: ['email', 'card', 'iban'] } as const;
const MAX_DEPTH = 6;
const MAX_STRING = 4000;

export const REDACTED = '[REDACTED]';

/** A log text with e-mails, Luhn-valid card numbers and IBANs replaced by `[EMAIL]`, `[CARD]`, `[IBAN]`, cut to 4,000 characters. */
export function redactText(text: string): string {
	return maskPii(text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}…` : text, LOG_PII);
}

/**
 * A copy of a log's structured context fit to store or send: values under secret-looking keys
 * (password, token, secret, api_key, authorization, …) become `[REDACTED]`, texts go through
 * {@link redactText}, and nesting deeper than 6 levels is cut.
 */
export function redactContext(value: unknown, depth = 0): unknown {
	if (typeof value === 'string') return redactText(value);
	if (value === null || typeof value !== 'object') return typeof value === 'bigint' ? Number(value) : value;
	if (depth >= MAX_DEPTH) return '[…]';
	if (Array.isArray(value)) return value.slice(0, 100).map((v) => redactContext(v, depth + 1));
	const out: Record<string, unknown> = {};
	for (const [key, v] of Object.entries(value)) out[key] = SECRET_KEY.test(key) ? REDACTED : redactContext(v, depth + 1);
	return out;
}
