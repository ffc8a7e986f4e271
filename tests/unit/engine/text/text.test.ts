import { describe, expect, it } from 'vitest';
import { gibberishScore, keyboardRun } from '../../../../app/lib/engine/text/gibberish';
import { isNonAnswer } from '../../../../app/lib/engine/text/non-answers';
import { sentimentOf } from '../../../../app/lib/engine/text/sentiment';
import { createFeatureColumns, LANG_CODES, scanText } from '../../../../app/lib/engine/text/features';

// [answer, gibberish score, reason, sentiment, language, non-answer], as the per-answer rules scored
// them before they were rewritten as code-unit loops (7ae468c): astral and case-changing letters,
// apostrophes, no-break spaces, keyboard runs ending at a digit, repeated units, negation.
const KNOWN: [string, number, string | null, number, string | null, boolean][] = [
	['xqzvbnmwrt', 1, '73 % implausible letter pairs', 0, null, false],
	['asdf1234', 1, 'keyboard run "asdf"', 0, null, false],
	['poiuy lkjhg', 1, 'keyboard run "poiuy"', 0, null, false],
	['hjkl hjkl hjkl', 1, 'the same "hjkl" repeated', 0, null, false],
	['Ürgh ääääää', 1, 'one letter repeated 6 times', 0, null, false],
	['ab😀cd efg', 0.32000000000000006, null, 0, null, false],
	['İSTANBUL çok güzel', 0.52, null, 0, 'en', false],
	["l'attente était très longue, pas bon", 0, null, -0.566, 'fr', false],
	['qwertz uiopü', 1, 'keyboard run "qwertz"', 0, null, false],
	['bcdfghjklm', 1, 'keyboard run "dfghjklm"', 0, null, false],
	['Sehr gut, aber nicht schnell', 0, null, -1, 'de', false],
	['N/A\u00a0', 0, null, 0, null, true],
	['  \u2003  ', 0, null, 0, null, true],
	['ΣΟΦΙΑΣ', 0, null, 0, null, false],
	['aaaa bbbb', 1, 'one letter repeated 4 times', 0, null, false],
	['xyxyxyxy', 1, 'the same "xy" repeated', 0, null, false],
	['The app crashes, very annoying!', 0, null, -1, 'en', false],
	['No sé', 0.18666666666666665, null, 0, 'es', true]
];

describe('text features', () => {
	it('scores mashing and random letters as gibberish, real answers as text', () => {
		for (const g of ['asdfgh', 'jkjkjkjk', 'xqzvbnmwrt', 'zzzzzz', '1111111', 'poiuy lkjhg', 'bcdfghjklm'])
			expect(gibberishScore(g).score, g).toBeGreaterThanOrEqual(0.7);
		for (const t of [
			'The staff were friendly but slow',
			'wertvoll und gut',
			'Très bon rapport qualité prix',
			'Envío rápido, todo perfecto',
			'ok',
			'Sooo good!',
			'N26 app rocks'
		])
			expect(gibberishScore(t).score, t).toBeLessThan(0.7);
	});

	it('finds keyboard runs in one direction only', () => {
		expect(keyboardRun('xasdfx')).toBe('asdf');
		expect(keyboardRun('lkjh')).toBe('lkjh');
		expect(keyboardRun('were')).toBe('wer');
	});

	it('knows non-answers in four languages', () => {
		for (const t of ['n/a', 'N/A', 'idk', "I don't know", '-', '...', 'keine Ahnung', 'je ne sais pas', 'no sé'])
			expect(isNonAnswer(t), t).toBe(true);
		for (const t of ['No problems at all', 'nothing to complain about, great']) expect(isNonAnswer(t), t).toBe(false);
	});

	it('keeps the scores and reasons the rules have always given', () => {
		const cols = createFeatureColumns(KNOWN.length);
		KNOWN.forEach(([text, score, reason, sentiment, lang, non], i) => {
			expect(gibberishScore(text.trim()), text).toEqual({ score, reason });
			expect(sentimentOf(text.trim()), text).toMatchObject({ score: sentiment, lang });
			expect(isNonAnswer(text.trim()), text).toBe(non);
			scanText(text, i, cols);
			expect([cols.gibberish[i], cols.sentiment[i], LANG_CODES[cols.lang[i]], cols.nonAnswer[i] === 1], text).toEqual([
				score,
				sentiment,
				lang,
				non
			]);
		});
	});

	it('handles negation and intensifiers', () => {
		expect(sentimentOf('very good service').score).toBeGreaterThan(sentimentOf('good service').score);
		expect(sentimentOf('not good').score).toBeLessThan(0);
		expect(sentimentOf('Das war nicht gut').score).toBeLessThan(0);
		expect(sentimentOf('pas bon du tout').score).toBeLessThan(0);
		expect(sentimentOf('the box is blue').score).toBe(0);
	});
});
