import { mod97 } from './checksums';

// Lengths from the SWIFT IBAN registry; a country not listed here is not matched.
const LENGTH: Record<string, number> = {
	AD: 24,
	AE: 23,
	AL: 28,
	AT: 20,
	AZ: 28,
	BA: 20,
	BE: 16,
	BG: 22,
	BH: 22,
	BR: 29,
	CH: 21,
	CR: 22,
	CY: 28,
	CZ: 24,
	DE: 22,
	DK: 18,
	DO: 28,
	EE: 20,
	EG: 29,
	ES: 24,
	FI: 18,
	FO: 18,
	FR: 27,
	GB: 22,
	GE: 22,
	GI: 23,
	GL: 18,
	GR: 27,
	GT: 28,
	HR: 21,
	HU: 28,
	IE: 22,
	IL: 23,
	IS: 26,
	IT: 27,
	JO: 30,
	KW: 30,
	KZ: 20,
	LB: 28,
	LI: 21,
	LT: 20,
	LU: 20,
	LV: 21,
	MC: 27,
	MD: 24,
	ME: 22,
	MK: 19,
	MR: 27,
	MT: 31,
	MU: 30,
	NL: 18,
	NO: 15,
	PK: 24,
	PL: 28,
	PS: 29,
	PT: 25,
	QA: 29,
	RO: 24,
	RS: 22,
	SA: 24,
	SE: 24,
	SI: 19,
	SK: 24,
	SM: 27,
	TN: 24,
	TR: 26,
	UA: 29,
	VG: 24,
	XK: 20
};

/** IBAN candidates: two letters, two digits, then groups of letters and digits, spaced or not. */
export const IBAN_RE = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{1,4}){3,8}\b/gi;

/**
 * Valid IBANs in `text`: registry length and mod-97 check. A greedy candidate may run into the next
 * word ("… 0130 00 bitte"), so its trailing groups are dropped until one validates.
 */
export function findIbans(text: string): { start: number; end: number; country: string }[] {
	const out: { start: number; end: number; country: string }[] = [];
	for (const m of text.matchAll(IBAN_RE)) {
		let s = m[0];
		for (;;) {
			const country = ibanCountry(s);
			if (country) {
				out.push({ start: m.index, end: m.index + s.length, country });
				break;
			}
			const cut = s.lastIndexOf(' ');
			if (cut < 4) break;
			s = s.slice(0, cut);
		}
	}
	return out;
}

function ibanCountry(candidate: string): string | null {
	const s = candidate.replace(/ /g, '').toUpperCase();
	const country = s.slice(0, 2);
	if (LENGTH[country] !== s.length) return null;
	return mod97(s.slice(4) + s.slice(0, 4)) === 1 ? country : null;
}
