import { detectPii } from './detect';
import { PII_KINDS, type PiiKind, type PiiOptions } from './types';

/** Typed placeholders already in a text: `[EMAIL_1]`, `[NAME_12]`… */
export const PLACEHOLDER_RE = new RegExp(`\\[(${PII_KINDS.map((k) => k.toUpperCase()).join('|')})_(\\d+)\\]`, 'g');

export interface Redactor {
	/** The text with each piece of personal data replaced by its placeholder; the same value keeps its number across calls. */
	redact(text: string): string;
	/** Placeholders handed out so far, each with the value it hides. */
	readonly map: ReadonlyMap<string, string>;
	/** How many distinct values of each kind were replaced. */
	counts(): Partial<Record<PiiKind, number>>;
}

/**
 * Replaces personal data with numbered typed placeholders (SPEC §6 LLM), one numbering for all the
 * texts of one request. Numbers continue after any placeholder already in a text, so the relay's
 * second pass never reuses a number the app handed out.
 * @example const r = createRedactor(); r.redact('mail jo@x.de'); // 'mail [EMAIL_1]'
 */
export function createRedactor(opts: PiiOptions = {}): Redactor {
	const map = new Map<string, string>();
	const byValue = new Map<string, string>();
	const next = new Map<string, number>();
	const counts: Partial<Record<PiiKind, number>> = {};
	const reserve = (text: string) => {
		for (const [, kind = '', n] of text.matchAll(PLACEHOLDER_RE)) next.set(kind, Math.max(next.get(kind) ?? 1, Number(n) + 1));
	};
	return {
		map,
		counts: () => ({ ...counts }),
		redact(text) {
			reserve(text);
			const matches = detectPii(text, opts).filter((m) => !insidePlaceholder(text, m.start, m.end));
			let out = '';
			let at = 0;
			for (const m of matches) {
				const value = text.slice(m.start, m.end);
				const kind = m.kind.toUpperCase();
				const key = `${kind}\u0000${value}`;
				let tag = byValue.get(key);
				if (tag === undefined) {
					const n = next.get(kind) ?? 1;
					next.set(kind, n + 1);
					tag = `[${kind}_${n}]`;
					byValue.set(key, tag);
					map.set(tag, value);
					counts[m.kind] = (counts[m.kind] ?? 0) + 1;
				}
				out += text.slice(at, m.start) + tag;
				at = m.end;
			}
			return out + text.slice(at);
		}
	};
}

function insidePlaceholder(text: string, start: number, end: number): boolean {
	for (const m of text.matchAll(PLACEHOLDER_RE)) if (start < m.index + m[0].length && m.index < end) return true;
	return false;
}

/** Puts the hidden values back; placeholders the map does not know stay as they are. */
export function restorePlaceholders(text: string, map: ReadonlyMap<string, string>): string {
	return text.replace(PLACEHOLDER_RE, (tag) => map.get(tag) ?? tag);
}
