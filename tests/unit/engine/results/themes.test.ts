import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isMissing } from '../../../../app/lib/engine/dataset/missing';
import { openEndThemes, withThemes } from '../../../../app/lib/engine/results/themes';
import { dictionaryOf, useTable, variable } from '../checks/helpers';

const answers = readFileSync(new URL('../../../fixtures/themes/answers-en.tsv', import.meta.url), 'utf8')
	.trim()
	.split('\n')
	.slice(1)
	.map((l) => l.split('\t')[1]);
// every answer twice, plus blanks and a non-answer: 160 + 3 respondents
const values = [...answers, ...answers, '   ', null, 'n/a'].map((a) => [a]);
const oe = variable('oe_comment', 'string');
const t = useTable(dictionaryOf([oe]), values);

describe('RESULT themes of open ends', () => {
	it('counts every respondent who answered in one theme, blanks and non-answers in none', async () => {
		const themes = await openEndThemes({ db: t.db, isMissing: () => isMissing(oe) }, ['oe_comment']);
		const list = themes.oe_comment;
		expect(list.length).toBeGreaterThanOrEqual(2);
		expect(list.reduce((n, th) => n + th.count, 0)).toBe(160);
		for (const th of list) expect(Object.keys(th).sort()).toEqual(['count', 'label', 'terms']);
	});

	it('sits next to the languages the language check found', () => {
		const themes = { q1: [{ label: 'late · parcel', terms: ['late', 'parcel'], count: 3 }] };
		expect(withThemes({ q1: { languages: { en: 3 } } }, themes)).toEqual({ q1: { languages: { en: 3 }, themes: themes.q1 } });
		expect(withThemes(null, {})).toBeNull();
	});
});
