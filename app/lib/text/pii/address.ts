import { anyCase, escapeRegex } from './regex';

// Street words in the nine demo languages: a number next to one, or a postcode in a known national
// shape before a capitalised place, is read as a postal address.
const AFTER = ['street', 'st.', 'road', 'rd.', 'avenue', 'ave.', 'lane', 'drive', 'boulevard', 'blvd.', 'place', 'square'];
const BEFORE = [
	'rue',
	'avenue',
	'boulevard',
	'chemin',
	'allée',
	'via',
	'viale',
	'piazza',
	'corso',
	'calle',
	'c/',
	'avenida',
	'avda.',
	'plaza'
];
const BEFORE_MORE = [
	'paseo',
	'rua',
	'travessa',
	'largo',
	'ulica',
	'ul.',
	'aleja',
	'al.',
	'plac',
	'sokak',
	'sok.',
	'cadde',
	'caddesi',
	'cad.'
];
const SUFFIX = [
	'straße',
	'strasse',
	'str.',
	'weg',
	'gasse',
	'allee',
	'platz',
	'ring',
	'damm',
	'straat',
	'laan',
	'plein',
	'gracht',
	'kade',
	'singel'
];

const STREET_AFTER = anyCase(AFTER);
const STREET_BEFORE = anyCase([...BEFORE, ...BEFORE_MORE]);
const STREET_SUFFIX = `(?:${SUFFIX.map(escapeRegex).join('|')})`;
const WORD = String.raw`\p{Lu}[\p{L}'’-]+`;
const LINK = String.raw`(?:(?:de|del|della|di|da|do|dos|des|du|la|le|les|van|der|d')\s*)*`;
const NUMBER = String.raw`(?:[Nn][º°o.]:?\s*)?\d{1,5}[a-z]?\b`;

const PATTERNS: RegExp[] = [
	new RegExp(String.raw`\b\d{1,5}[a-z]?,?\s+(?:${WORD}\s+){1,3}${STREET_AFTER}(?![\p{L}])`, 'gu'),
	new RegExp(String.raw`(?<![\p{L}])${STREET_BEFORE}\s*${LINK}(?:${WORD}\s*){1,3},?\s*${NUMBER}`, 'gu'),
	new RegExp(String.raw`\b\d{1,5}(?:bis|ter)?,?\s+${STREET_BEFORE}\s+${LINK}${WORD}(?:\s+${WORD}){0,2}`, 'gu'),
	new RegExp(String.raw`(?<![\p{L}])\p{Lu}[\p{L}-]*${STREET_SUFFIX}\s+\d{1,5}[a-z]?\b`, 'gu'),
	new RegExp(String.raw`(?<![\p{L}])${WORD}\s+${STREET_SUFFIX}\s+\d{1,5}[a-z]?\b`, 'gu'),
	new RegExp(String.raw`(?<![\p{L}])${WORD}\s+(?:${anyCase(['caddesi', 'sokak', 'sokağı', 'bulvarı'])})\s+${NUMBER}`, 'gu'),
	// UK postcodes are specific enough alone; elsewhere a postcode must precede a capitalised place.
	/\b[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? \d[ABD-HJLNP-UW-Z]{2}\b/g,
	new RegExp(String.raw`\b(?:\d{5}|\d{4} ?[A-Z]{2}|\d{2}-\d{3}|\d{4}-\d{3})\s+${WORD}`, 'gu')
];

export function findAddresses(text: string): { start: number; end: number }[] {
	const out: { start: number; end: number }[] = [];
	for (const re of PATTERNS) for (const m of text.matchAll(re)) out.push({ start: m.index, end: m.index + m[0].length });
	return out;
}
