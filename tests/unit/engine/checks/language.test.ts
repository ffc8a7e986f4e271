import { describe, expect, it } from 'vitest';
import language from '../../../../app/lib/engine/checks/language';
import { createRng } from '../../../../app/lib/demo/rng';
import { proseIn } from '../../../../app/lib/demo/prose';
import { SENTENCES } from '../text/language-sentences';
import { dictionaryOf, flagged, runOne, useTable, variable } from './helpers';

const dict = dictionaryOf([variable('rid'), variable('oe', 'string')]);
const r = createRng(4);
// 300 answers: English and German prose, short answers, and ten planted ones in other languages and scripts.
const answers: string[] = Array.from({ length: 300 }, (_, i) => (i % 25 === 0 ? 'ok' : proseIn(r, i % 3 === 0 ? 'de' : 'en', r.normal())));
const PLANTED: [number, string][] = [
	[10, proseIn(r, 'tr', 0)],
	[50, proseIn(r, 'pl', 0)],
	[90, proseIn(r, 'tr', 1)],
	[130, SENTENCES.sv[0]],
	[170, SENTENCES.ru[0]],
	[210, SENTENCES.ja[1]],
	[250, SENTENCES.ar[0]],
	[270, SENTENCES.hu[1]]
];
for (const [row, t] of PLANTED) answers[row - 1] = t;

describe('language check', () => {
	const s = useTable(
		dict,
		answers.map((t, i) => [i + 1, t])
	);

	it('flags exactly the answers in a language or script the question does not use', async () => {
		const f = await runOne(s.db, dict, language, { openEnds: ['oe'] });
		expect(flagged(f)).toEqual(PLANTED.map(([row]) => row));
		const info = f.find((x) => x.level === 'variable')!;
		expect(info.evidence.main).toEqual(['en', 'de']);
		expect(info.message).toMatch(/^oe: main languages en, de \(en 6\d %, de 3\d %/);
		expect(f.find((x) => x.respondent === 170)!.message).toBe(
			"oe: answer in Russian (ru, Cyrillic script), not one of this question's languages (en, de)"
		);
		expect(f.find((x) => x.respondent === 10)!.message).toMatch(
			/answer in Turkish \(tr\), not one of this question's languages \(en, de\)/
		);
	});

	it('flags every other language when the expected ones are configured', async () => {
		const f = await runOne(s.db, dict, language, { openEnds: ['oe'], checks: { language: { expected: ['en'] } } });
		const de = answers.flatMap((t, i) => (i % 3 === 0 && i % 25 !== 0 && !PLANTED.some(([row]) => row === i + 1) ? [i + 1] : []));
		const rows = flagged(f);
		expect(de.filter((x) => !rows.includes(x))).toEqual([]);
		expect(rows.length).toBe(de.length + PLANTED.length);
	});
});
