import { digitsOf, luhn } from './checksums';

/** 13–19 digits, optionally in groups separated by one space or hyphen. */
export const CARD_RE = /\b\d(?:[ -]?\d){12,18}\b/g;

const BRANDS: [string, RegExp][] = [
	['visa', /^4/],
	['mastercard', /^(5[1-5]|2[2-7])/],
	['amex', /^3[47]/],
	['discover', /^(6011|65|64[4-9])/],
	['diners', /^3(0[0-5]|[68])/],
	['jcb', /^35/],
	['maestro', /^(50|5[6-9]|6)/],
	['unionpay', /^62/]
];

/** The brand of a card number that passes Luhn and has a known issuer prefix, else null. */
export function cardBrand(candidate: string): string | null {
	const d = digitsOf(candidate);
	if (d.length < 13 || d.length > 19 || !luhn(d)) return null;
	return BRANDS.find(([, re]) => re.test(d))?.[0] ?? null;
}
