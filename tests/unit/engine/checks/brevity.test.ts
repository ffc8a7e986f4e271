import { describe, expect, it } from 'vitest';
import brevity from '../../../../app/lib/engine/checks/brevity';
import { createRng } from '../../../../app/lib/demo/rng';
import { proseIn } from '../../../../app/lib/demo/prose';
import { dictionaryOf, flagged, runOne, useTable, variable } from './helpers';

const dict = dictionaryOf([variable('rid'), variable('long', 'string'), variable('short', 'string')]);
const r = createRng(3);
// `long` holds prose (median ~ 20 words) with five planted one- or two-word answers; `short` is a brand question.
const BRIEF = [5, 44, 101, 150, 199];
const values = Array.from({ length: 200 }, (_, i) => [
	i + 1,
	BRIEF.includes(i + 1) ? r.pick(['good', 'ok fine', 'no', 'nice app']) : `${proseIn(r, 'en', r.normal())} ${proseIn(r, 'de', r.normal())}`,
	r.pick(['Nike', 'Adidas', 'Puma shoes', 'New Balance'])
]);

describe('brevity check', () => {
	const s = useTable(dict, values);

	it("flags answers far shorter than the question's median, relative to that question", async () => {
		const f = await runOne(s.db, dict, brevity, { openEnds: ['long', 'short'] });
		expect(flagged(f, (x) => x.variable === 'long')).toEqual(BRIEF);
		expect(flagged(f, (x) => x.variable === 'short')).toEqual([]);
		expect(f.find((x) => x.variable === 'short')!.message).toBe('short: answers are typically short (median 1 word); not judged');
		expect(f.find((x) => x.respondent === 5)!.message).toMatch(
			/^long: \d words? \(\d+ characters\) where this question's median answer has \d+ words; \d %/
		);
	});
});
