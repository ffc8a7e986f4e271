import { findAddresses } from './address';
import { CARD_RE, cardBrand } from './card';
import { findIbans } from './iban';
import { findNames } from './names';
import { findNationalIds } from './national-ids';
import { EMAIL_RE, IP_RE, URL_RE } from './net';
import { DEFAULT_PHONE_COUNTRIES, findPhones } from './phone';
import { PII_KINDS, type PiiKind, type PiiMatch, type PiiOptions } from './types';

type Finder = (text: string, opts: PiiOptions) => Omit<PiiMatch, 'kind'>[];

const each = (re: RegExp, text: string, detail: (m: string) => string | null): Omit<PiiMatch, 'kind'>[] => {
	const out: Omit<PiiMatch, 'kind'>[] = [];
	for (const m of text.matchAll(re)) {
		const d = detail(m[0]);
		if (d !== null) out.push({ start: m.index, end: m.index + m[0].length, detail: d });
	}
	return out;
};
const HAS_DIGIT = /\d/;

// Order matters: an earlier kind claims its span, so an e-mail's domain is not also a URL and a card
// number is not also a phone number.
const FINDERS: Record<PiiKind, Finder> = {
	email: (t) => (t.includes('@') ? each(EMAIL_RE, t, () => 'email') : []),
	url: (t) => (t.includes('.') ? each(URL_RE, t, () => 'url') : []),
	iban: (t) => (HAS_DIGIT.test(t) ? findIbans(t).map((m) => ({ start: m.start, end: m.end, detail: `iban ${m.country}` })) : []),
	card: (t) => (HAS_DIGIT.test(t) ? each(CARD_RE, t, (m) => cardBrand(m) && `card ${cardBrand(m)}`) : []),
	ip: (t) => (HAS_DIGIT.test(t) ? each(IP_RE, t, (m) => (m.includes(':') ? 'ipv6' : 'ipv4')) : []),
	id: (t) => (HAS_DIGIT.test(t) ? findNationalIds(t).map((m) => ({ start: m.start, end: m.end, detail: `id ${m.scheme}` })) : []),
	phone: (t, o) =>
		HAS_DIGIT.test(t)
			? findPhones(t, o.phoneCountries ?? DEFAULT_PHONE_COUNTRIES).map((m) => ({
					start: m.start,
					end: m.end,
					detail: `phone ${m.country}`
				}))
			: [],
	address: (t) => findAddresses(t).map((m) => ({ ...m, detail: 'address' })),
	name: (t) => findNames(t).map((m) => ({ start: m.start, end: m.end, detail: `name ${m.how}` }))
};

/**
 * Personal data in one text, without overlaps, in text order. Pure: the engine's `pii` check, the
 * export's masking step and the relay's LLM redaction all call this.
 * @example detectPii('mail me: jo@example.com') // [{ kind: 'email', start: 9, end: 23, detail: 'email' }]
 */
export function detectPii(text: string, opts: PiiOptions = {}): PiiMatch[] {
	const kinds = opts.kinds ?? PII_KINDS;
	const taken: PiiMatch[] = [];
	for (const kind of PII_KINDS) {
		if (!kinds.includes(kind)) continue;
		for (const m of FINDERS[kind](text, opts)) {
			if (taken.some((t) => m.start < t.end && t.start < m.end)) continue;
			taken.push({ kind, ...m });
		}
	}
	return taken.sort((a, b) => a.start - b.start);
}
