import { weighted } from './checksums';

interface IdScheme {
	id: string;
	re: RegExp;
	valid(m: string): boolean;
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
const CF_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
const cfValue = (c: string) => (c >= 'A' ? c.charCodeAt(0) - 65 : c.charCodeAt(0) - 48);

// Only schemes with a check digit or a shape too specific to occur by chance; bare digit runs without
// one (German Steuer-ID aside) would flag order numbers.
const SCHEMES: IdScheme[] = [
	{
		id: 'es-dni',
		re: /\b([XYZ]?)-?(\d{7,8})-?([A-Z])\b/gi,
		valid(m) {
			const [, prefix = '', number = '', letter = ''] = /^([XYZ]?)-?(\d{7,8})-?([A-Z])$/i.exec(m) ?? [];
			const lead = prefix ? String('XYZ'.indexOf(prefix.toUpperCase())) : '';
			if ((lead + number).length !== 8) return false;
			return DNI_LETTERS[Number(lead + number) % 23] === letter.toUpperCase();
		}
	},
	{
		id: 'it-cf',
		re: /\b[A-Z]{6}\d{2}[A-EHLMPRST]\d{2}[A-Z]\d{3}[A-Z]\b/gi,
		valid(m) {
			const s = m.toUpperCase();
			let sum = 0;
			for (let i = 0; i < 15; i++) sum += i % 2 === 0 ? (CF_ODD[cfValue(s.charAt(i))] ?? NaN) : cfValue(s.charAt(i));
			return String.fromCharCode(65 + (sum % 26)) === s[15];
		}
	},
	{
		id: 'fr-nir',
		re: /\b[12] ?\d{2} ?(?:0[1-9]|1[0-2]) ?\d{2} ?\d{3} ?\d{3} ?\d{2}\b/g,
		valid(m) {
			const d = m.replace(/ /g, '');
			return 97 - Number(BigInt(d.slice(0, 13)) % 97n) === Number(d.slice(13));
		}
	},
	{
		id: 'pl-pesel',
		re: /\b\d{11}\b/g,
		valid: (d) => (10 - weighted(d, [1, 3, 7, 9, 1, 3, 7, 9, 1, 3], 10)) % 10 === Number(d[10])
	},
	{
		id: 'tr-tckn',
		re: /\b[1-9]\d{10}\b/g,
		valid(d) {
			const d10 = weighted(d, [7, -1, 7, -1, 7, -1, 7, -1, 7], 10);
			return d10 === Number(d[9]) && weighted(d, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 10) === Number(d[10]);
		}
	},
	{
		id: 'nl-bsn',
		re: /\b\d{9}\b/g,
		valid: (d) => d !== '000000000' && weighted(d, [9, 8, 7, 6, 5, 4, 3, 2, -1], 11) === 0
	},
	{
		id: 'us-ssn',
		re: /\b(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}\b/g,
		valid: () => true
	},
	{
		id: 'uk-nino',
		re: /\b(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/g,
		valid: () => true
	}
];

/** National ids in `text`: each scheme's shape, then its check digit where it has one. */
export function findNationalIds(text: string): { start: number; end: number; scheme: string }[] {
	const out: { start: number; end: number; scheme: string }[] = [];
	for (const s of SCHEMES) {
		for (const m of text.matchAll(s.re)) if (s.valid(m[0])) out.push({ start: m.index, end: m.index + m[0].length, scheme: s.id });
	}
	return out;
}
