import { describe, expect, it } from 'vitest';
import { gibberishScore, keyboardRun } from '../../../../app/lib/engine/text/gibberish';
import { isNonAnswer } from '../../../../app/lib/engine/text/non-answers';
import { sentimentOf } from '../../../../app/lib/engine/text/sentiment';

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

	it('handles negation and intensifiers', () => {
		expect(sentimentOf('very good service').score).toBeGreaterThan(sentimentOf('good service').score);
		expect(sentimentOf('not good').score).toBeLessThan(0);
		expect(sentimentOf('Das war nicht gut').score).toBeLessThan(0);
		expect(sentimentOf('pas bon du tout').score).toBeLessThan(0);
		expect(sentimentOf('the box is blue').score).toBe(0);
	});
});
