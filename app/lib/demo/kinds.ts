/** The kinds of problems the demo generator plants, one kind per planted respondent. */
export const PLANTED_KINDS = [
	'speeder',
	'straightliner',
	'exact-duplicate',
	'near-duplicate',
	'gibberish',
	'non-answer',
	'out-of-range',
	'category-variant',
	'skip-logic',
	'hh-children',
	'end-before-start',
	'attention-fail',
	'bot'
] as const;

export type PlantedKind = (typeof PLANTED_KINDS)[number];

/** One planted problem, kept beside the data as the ground truth for the checks. */
export interface PlantedProblem {
	rid: number;
	kind: PlantedKind;
	detail: string;
}

export type PlantRates = Record<PlantedKind, number>;

export const DEFAULT_RATE = 0.03;

export function defaultRates(): PlantRates {
	const rates = {} as PlantRates;
	for (const k of PLANTED_KINDS) rates[k] = DEFAULT_RATE;
	return rates;
}
