import { describe, expect, it } from 'vitest';
import plagiarism from '../../../../app/lib/engine/checks/plagiarism';
import { plantedRings } from '../text/rings';
import { dictionaryOf, flagged, runOne, useTable, variable } from './helpers';

const QUESTION = 'What would you like us to improve about our service in the coming year?';
const dict = dictionaryOf([variable('rid'), variable('oe1', 'string', { label: QUESTION }), variable('oe2', 'string')]);
const { texts, ring } = plantedRings(12, 400, 6);
const oe2 = texts.map(() => null as string | null);
// Respondent 7 pastes their oe1 answer into oe2 too; respondent 9 answers oe1 with the question itself.
oe2[6] = texts[6];
texts[8] = QUESTION.toLowerCase();
ring[8] = -1;
const RINGS = ring.reduce<number[]>((a, g, i) => (g >= 0 ? [...a, i + 1] : a), []);

describe('plagiarism check', () => {
	const s = useTable(
		dict,
		texts.map((t, i) => [i + 1, t, oe2[i]])
	);

	it('flags the planted copy rings, naming who shares the text, and nothing else', async () => {
		const f = await runOne(s.db, dict, plagiarism, { openEnds: ['oe1', 'oe2'] });
		expect(flagged(f, (x) => x.evidence.kind === 'exact' || x.evidence.kind === 'near')).toEqual(RINGS);
		const one = f.find((x) => x.respondent === RINGS[0] && x.evidence.kind !== 'across-questions')!;
		const mates = RINGS.filter((r) => r !== RINGS[0] && ring[r - 1] === ring[RINGS[0] - 1]);
		expect([...(one.evidence.shared as number[])].sort((a, b) => a - b)).toEqual(mates);
	});

	it('flags an answer that repeats the question and one answer pasted into two questions', async () => {
		const f = await runOne(s.db, dict, plagiarism, { openEnds: ['oe1', 'oe2'] });
		expect(flagged(f, (x) => x.evidence.kind === 'question-text')).toEqual([9]);
		expect(flagged(f, (x) => x.evidence.kind === 'across-questions')).toEqual([7]);
		expect(f.find((x) => x.evidence.kind === 'across-questions')!.message).toBe("oe2: same answer as this respondent's oe1");
	});
});
