/**
 * A field survey as a platform holds it, with known truth: string ids, coarse categories,
 * 0-heavy counts, a select-multiple, multilingual open ends with commas, quotes and line breaks.
 */
export interface Respondent {
	uuid: string;
	submitted: string;
	region: 'north' | 'south' | 'east';
	age: number;
	children: number;
	sources: string;
	comment: string;
}

const COMMENTS = [
	'Wasser ist knapp, besonders im Sommer',
	'الماء غير كاف في الصيف',
	'水不够，尤其是夏天',
	'El agua "no alcanza"\nen verano',
	'',
	'  ok  ',
	'=SUM(A1:A3)',
	'Nous avons besoin d’une école, d’un puits'
];

export function respondents(n: number, start = Date.UTC(2025, 2, 1, 8)): Respondent[] {
	return Array.from({ length: n }, (_, i) => ({
		uuid: `a${((i * 2654435761) % 4294967296).toString(16).padStart(8, '0')}-${String(i).padStart(4, '0')}`,
		submitted: new Date(start + i * 90_000).toISOString().slice(0, 19),
		region: (['north', 'south', 'east'] as const)[i % 3]!,
		age: 18 + ((i * 7) % 60),
		children: i % 5 === 0 ? 3 : 0,
		sources: ['well', 'well river', 'tap', 'river rain'][i % 4]!,
		comment: COMMENTS[i % COMMENTS.length]!
	}));
}

/** The form's questions with their labels, as the platforms' form definitions give them. */
export const QUESTIONS = [
	{ name: 'region', group: 'household', type: 'select_one', label: 'Which region do you live in?' },
	{ name: 'age', group: 'household', type: 'integer', label: 'How old are you?' },
	{ name: 'children', group: 'household', type: 'integer', label: 'How many children under 5 live here?' },
	{ name: 'sources', group: null, type: 'select_multiple', label: 'Where does your <b>water</b> come from?' },
	{ name: 'comment', group: null, type: 'text', label: 'Anything else you want to tell us?' }
] as const;
