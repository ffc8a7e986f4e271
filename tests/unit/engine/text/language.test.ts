import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../app/lib/demo/rng';
import { proseIn } from '../../../../app/lib/demo/prose';
import { languageDetector } from '../../../../app/lib/engine/text/language';
import { dominantScript } from '../../../../app/lib/engine/text/script';
import { SENTENCES } from './language-sentences';

const PROSE_LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'tr'];
const words = (t: string) => t.split(/\s+/).length;

describe('languageDetector', () => {
	it('is ≥ 95 % accurate per prose language on answers of ≥ 5 words', async () => {
		const detect = await languageDetector();
		const r = createRng(21);
		const accuracy: Record<string, number> = {};
		for (const lang of PROSE_LANGUAGES) {
			const texts = Array.from({ length: 300 }, () => proseIn(r, lang, r.normal())).filter((t) => words(t) >= 5);
			accuracy[lang] = texts.filter((t) => detect(t).language === lang).length / texts.length;
		}
		console.info('language accuracy on prose', accuracy);
		for (const lang of PROSE_LANGUAGES) expect(accuracy[lang], lang).toBeGreaterThanOrEqual(0.95);
	});

	it('tells ≥ 30 further languages apart on hand-written answers', async () => {
		const detect = await languageDetector();
		const wrong = Object.entries(SENTENCES).flatMap(([lang, ts]) =>
			ts.map((t) => [lang, detect(t).language, t]).filter(([l, d]) => l !== d)
		);
		const total = Object.values(SENTENCES).flat().length;
		console.info(`further languages: ${total - wrong.length} / ${total} right`, wrong);
		expect(Object.keys(SENTENCES).length + PROSE_LANGUAGES.length).toBeGreaterThanOrEqual(30);
		expect(wrong.length / total).toBeLessThanOrEqual(0.05);
	});

	it('gives no language to a word or to gibberish', async () => {
		const detect = await languageDetector();
		expect(detect('ok').language).toBe('');
		expect(detect('asdf qwer zxcv').language).toBe('');
	});
});

describe('dominantScript', () => {
	it('names the script most letters are in', () => {
		expect(dominantScript('Hello world')).toBe('Latin');
		expect(dominantScript('Доставка была ok')).toBe('Cyrillic');
		expect(dominantScript('配達はとても早くて')).toBe('Kana');
		expect(dominantScript('12 / 34 !')).toBe('');
	});
});
