import { describe, expect, it } from 'vitest';
import { PLANTED_KINDS, generateDemo, type PlantRates } from '../../../app/lib/demo';
import { materialize, type Value } from './materialize';

const openEnds = (cols: Record<string, Value[]>) => [...cols.oe_like, ...cols.oe_improve].filter((v): v is string => typeof v === 'string');

const none = Object.fromEntries(PLANTED_KINDS.map((k) => [k, 0])) as PlantRates;

describe('prose open ends of clean respondents', () => {
	const demo = generateDemo({ rows: 4000, seed: 5, openEnds: 'prose', rates: none });
	const answers = openEnds(materialize(demo));

	it('are mostly unique, unlike the demo phrases', () => {
		const phrases = openEnds(materialize(generateDemo({ rows: 4000, seed: 5, rates: none })));
		expect(new Set(answers).size / answers.length).toBeGreaterThan(0.9);
		expect(new Set(phrases).size / phrases.length).toBeLessThan(0.3);
	});

	it('run 5 to 60 words and mix languages', () => {
		const words = answers.map((a) => a.split(/\s+/).length);
		expect(Math.min(...words)).toBeGreaterThanOrEqual(5);
		expect(Math.max(...words)).toBeLessThanOrEqual(60);
		expect(answers.some((a) => /ş|ğ|ı/.test(a))).toBe(true);
		expect(answers.some((a) => /ł|ś|ż/.test(a))).toBe(true);
	});

	it('leave the demo survey as it was', () => {
		const a = materialize(generateDemo({ rows: 300, seed: 7 }));
		const b = materialize(generateDemo({ rows: 300, seed: 7, openEnds: 'phrases' }));
		expect(a).toEqual(b);
	});
});
