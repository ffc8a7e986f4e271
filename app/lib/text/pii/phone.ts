import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js/max';

/** The nine demo languages' countries plus the UK and the US. */
export const DEFAULT_PHONE_COUNTRIES = ['US', 'GB', 'DE', 'FR', 'ES', 'IT', 'PT', 'NL', 'PL', 'TR', 'AT', 'CH', 'BE'];

// Six or more digits in one run of phone punctuation: texts without one skip the library.
const CANDIDATE = /(?:\+|\b)\d(?:[\s().\-/]{0,3}\d){5,}/;

/** Phone numbers valid for their country (libphonenumber's metadata), international or in a listed national format. */
export function findPhones(text: string, countries: readonly string[]): { start: number; end: number; country: string }[] {
	if (!CANDIDATE.test(text)) return [];
	const out: { start: number; end: number; country: string }[] = [];
	const seen = new Set<number>();
	const add = (found: ReturnType<typeof findPhoneNumbersInText>) => {
		for (const m of found) {
			if (seen.has(m.startsAt) || !plausible(text.slice(m.startsAt, m.endsAt))) continue;
			seen.add(m.startsAt);
			out.push({ start: m.startsAt, end: m.endsAt, country: m.number.country ?? 'intl' });
		}
	};
	add(findPhoneNumbersInText(text));
	for (const c of countries) add(findPhoneNumbersInText(text, c as CountryCode));
	return out;
}

const DATE = /^\d{1,2}[./]\d{1,2}[./]\d{2,4}$/;

// Some national plans (Germany's) accept almost any digit run; a bare run without a trunk 0, a
// bracket or phone-style grouping is more often an amount, a date or an order number.
function plausible(raw: string): boolean {
	if (DATE.test(raw)) return false;
	const digits = raw.replace(/\D/g, '').length;
	if (raw.startsWith('+') || raw.startsWith('00')) return digits <= 15;
	return digits <= 12 && (raw.startsWith('0') || raw.startsWith('(') || /\d[ -]\d/.test(raw));
}
