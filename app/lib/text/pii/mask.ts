import { detectPii } from './detect';
import type { PiiKind, PiiMatch, PiiOptions } from './types';

const placeholder = (kind: PiiKind) => kind.toUpperCase();

/**
 * Replaces each match with a typed placeholder: `[EMAIL]`, or `[EMAIL_1]`… when `numbered` (the LLM
 * redaction of SPEC §6, where the same value keeps its number so answers can be restored).
 */
export function maskPii(text: string, opts: PiiOptions & { numbered?: boolean } = {}, matches: PiiMatch[] = detectPii(text, opts)): string {
	if (matches.length === 0) return text;
	const numbers = new Map<string, number>();
	const counts = new Map<PiiKind, number>();
	let out = '';
	let at = 0;
	for (const m of matches) {
		out += text.slice(at, m.start);
		let tag = placeholder(m.kind);
		if (opts.numbered) {
			const key = `${m.kind}\u0000${text.slice(m.start, m.end)}`;
			let n = numbers.get(key);
			if (n === undefined) {
				n = (counts.get(m.kind) ?? 0) + 1;
				counts.set(m.kind, n);
				numbers.set(key, n);
			}
			tag += `_${n}`;
		}
		out += `[${tag}]`;
		at = m.end;
	}
	return out + text.slice(at);
}

const stars = (s: string) => (s.length <= 1 ? s : `${s[0]}***`);

/** A value shown in a finding without giving it away: `j***@e***.com`, `…42`, `J*** S***`. */
export function maskValue(kind: PiiKind, value: string): string {
	switch (kind) {
		case 'email': {
			const [user, domain = ''] = value.split('@');
			const dot = domain.lastIndexOf('.');
			return `${stars(user)}@${stars(domain.slice(0, dot))}${domain.slice(dot)}`;
		}
		case 'url': {
			const host = value.replace(/^[a-z]+:\/\//i, '').split('/')[0];
			const dot = host.lastIndexOf('.');
			return `${stars(host.slice(0, dot))}${host.slice(dot)}/…`;
		}
		case 'name':
		case 'address':
			return value
				.split(/\s+/)
				.map((w) => (/\d/.test(w) ? '#' : stars(w)))
				.join(' ');
		default: {
			const alnum = value.replace(/[^0-9a-z]/gi, '');
			return `${'•'.repeat(Math.max(0, alnum.length - 2))}${alnum.slice(-2)}`;
		}
	}
}
