import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findThemes } from '../../../../../app/lib/engine/text/themes';
import { questionThemes } from '../../../../../app/lib/engine/text/themes/question';
import { termHash, themeTerms } from '../../../../../app/lib/engine/text/themes/terms';

function labelled(lang: string): { theme: string; answer: string }[] {
	const lines = readFileSync(new URL(`../../../../fixtures/themes/answers-${lang}.tsv`, import.meta.url), 'utf8')
		.trim()
		.split('\n');
	return lines.slice(1).map((l) => {
		const [theme, answer] = l.split('\t');
		return { theme, answer };
	});
}

/** Share of answers whose theme's most common true label is their own. */
function purity(truth: string[], assign: Int32Array): number {
	const byTheme = new Map<number, Map<string, number>>();
	truth.forEach((t, i) => {
		const m = byTheme.get(assign[i]) ?? new Map<string, number>();
		m.set(t, (m.get(t) ?? 0) + 1);
		byTheme.set(assign[i], m);
	});
	let agree = 0;
	for (const [j, m] of byTheme) if (j >= 0) agree += Math.max(...m.values());
	return agree / truth.length;
}

describe('open-end themes on hand-labelled answers', () => {
	for (const [lang, stop] of [
		['en', ['the', 'and', 'is', 'to', 'my']],
		['de', ['die', 'der', 'und', 'ist', 'zu']]
	] as const) {
		it(`${lang}: groups answers by what they are about, named without function words`, async () => {
			const rows = labelled(lang);
			const r = await questionThemes(
				rows.map((x) => x.answer),
				rows.map(() => 1)
			);
			expect(r.languages).toContain(lang);
			expect(
				purity(
					rows.map((x) => x.theme),
					r.assign
				)
			).toBeGreaterThanOrEqual(0.7);
			expect(r.assign.every((j) => j >= 0)).toBe(true);
			expect(r.themes.reduce((n, t) => n + t.count, 0)).toBe(rows.length);
			for (const t of r.themes) {
				expect(t.terms.some((w) => (stop as readonly string[]).includes(w))).toBe(false);
				expect(t.label).toBe(t.terms.slice(0, 3).join(' · '));
				expect(t.examples.length).toBeGreaterThan(0);
			}
			const sizes = r.themes.map((t) => t.count);
			expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
		});
	}

	it('counts respondents, not distinct answers, keeps non-answers out, and gives the same themes for the same seed', () => {
		const rows = labelled('en');
		const texts = [...rows.map((x) => x.answer), 'n/a', 'idk', '42'];
		const counts = [...rows.map((_, i) => (i === 0 ? 25 : 1)), 3, 3, 1];
		const a = findThemes(texts, counts);
		const b = findThemes(texts, counts);
		expect(a).toEqual(b);
		expect([...a.assign.slice(-3)]).toEqual([-1, -1, -1]);
		const first = a.assign[0];
		const expected = texts.reduce((n, _, d) => n + (a.assign[d] === first ? counts[d] : 0), 0);
		expect(a.themes[first].count).toBe(expected);
		expect(a.themes[first].count).toBeGreaterThanOrEqual(25);
	});

	it('takes the number of themes it is given', () => {
		const rows = labelled('de');
		const r = findThemes(
			rows.map((x) => x.answer),
			rows.map(() => 1),
			{ themes: 3 }
		);
		expect(r.themes.length).toBeLessThanOrEqual(3);
		expect(new Set(r.assign).size).toBe(r.themes.length);
	});

	it('finds no themes in too few answers', () => {
		expect(findThemes(['slow delivery', 'too expensive'], [1, 1]).themes).toEqual([]);
	});
});

describe('theme terms', () => {
	it('cuts scripts without spaces into character pairs and drops numbers and stop words', () => {
		expect(themeTerms('配送が遅い')).toEqual(['配送', '送が', 'が遅', '遅い']);
		expect(themeTerms('The 3 parcels ARE late', new Set(['the', 'are'].map(termHash)))).toEqual(['parcels', 'late']);
	});
});
