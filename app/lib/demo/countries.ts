export type Language = 'en' | 'de' | 'fr' | 'es';

export interface Country {
	name: string;
	language: Language;
	weight: number;
	/** Spellings a messy survey export produces for the same country. */
	variants: string[];
}

export const COUNTRIES: readonly Country[] = [
	{ name: 'Germany', language: 'de', weight: 24, variants: ['germany ', 'Deutschland', 'GER', 'GERMANY'] },
	{ name: 'United Kingdom', language: 'en', weight: 14, variants: ['UK', 'U.K.', 'united kingdom', 'Great Britain'] },
	{ name: 'France', language: 'fr', weight: 14, variants: ['france', 'FRANCE ', 'Frankreich', 'FR'] },
	{ name: 'Spain', language: 'es', weight: 10, variants: ['spain', 'España', 'ESP'] },
	{ name: 'Italy', language: 'en', weight: 9, variants: ['italy', 'Italia', 'ITA'] },
	{ name: 'Netherlands', language: 'en', weight: 8, variants: ['the Netherlands', 'Holland', 'NL', 'netherlands'] },
	{ name: 'Poland', language: 'en', weight: 7, variants: ['poland', 'Polska', 'POL'] },
	{ name: 'Austria', language: 'de', weight: 7, variants: ['Österreich', 'austria', 'AUT'] },
	{ name: 'Switzerland', language: 'de', weight: 4, variants: ['Schweiz', 'switzerland', 'CH'] },
	{ name: 'United States', language: 'en', weight: 3, variants: ['USA', 'US', 'united states'] }
];

export const COUNTRY_WEIGHTS = COUNTRIES.map((c) => c.weight);
