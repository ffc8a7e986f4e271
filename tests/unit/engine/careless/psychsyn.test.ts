import { describe, expect, it } from 'vitest';
import { careless, reasons, values } from './helpers';

/** Items 0~1, 2~3 and 4~5 correlate .93, .97 and .90 over this sample; every other pair stays below .60. */
const SAMPLE = [
	[1, 1, 2, 2, 3, 3],
	[2, 2, 3, 3, 1, 1],
	[3, 3, 1, 1, 2, 2],
	[1, 2, 3, 3, 5, 3],
	[4, 4, 4, 4, 4, 4],
	[5, 5, null, 2, 1, 1],
	[5, 4, 5, 5, 2, 2],
	[2, 3, 4, 5, 5, 5]
];

describe('psychsyn', () => {
	const r = careless(SAMPLE);

	it('finds the pairs (1,0) (3,2) (5,4) on the whole sample', () => {
		expect(r.synonymPairs).toEqual([
			[1, 0],
			[3, 2],
			[5, 4]
		]);
	});

	it('pairs equal within a respondent → r = 1', () => {
		for (const v of values(r.psychsyn).slice(0, 3)) expect(v).toBeCloseTo(1, 14);
	});

	it('1 2 3 3 5 3: (2,1) (3,3) (3,5) → cross 2, squares 2/3 and 8 → r = √3/2', () => {
		expect(values(r.psychsyn)[3]).toBeCloseTo(Math.sqrt(3) / 2, 14);
	});

	it('5 4 5 5 2 2 and 2 3 4 5 5 5 → 5/√28 and 10/√112', () => {
		expect(values(r.psychsyn)[6]).toBeCloseTo(5 / Math.sqrt(28), 14);
		expect(values(r.psychsyn)[7]).toBeCloseTo(10 / Math.sqrt(112), 14);
	});

	it('straight-liner 4 4 4 4 4 4: zero variance → null, no random resampling', () => {
		expect(values(r.psychsyn)[4]).toBeNull();
		expect(reasons(r.psychsyn)[4]).toBe('no variance across the answered synonym pairs');
	});

	it('5 5 · 2 1 1: only 2 pairs answered → null', () => {
		expect(r.psychsynPairCount[5]).toBe(2);
		expect(values(r.psychsyn)[5]).toBeNull();
		expect(reasons(r.psychsyn)[5]).toBe('fewer than 3 synonym pairs answered');
	});

	it('no pair below −0.60 → psychant null for all, saying why', () => {
		expect(r.antonymPairs).toEqual([]);
		expect(values(r.psychant).every((v) => v === null)).toBe(true);
		expect(reasons(r.psychant)[0]).toBe('no psychometric antonyms: no item pair correlates below −0.6');
	});

	it('a critval above every correlation leaves no synonyms → null for all', () => {
		const strict = careless(SAMPLE, { psychsynCritval: 0.99 });
		expect(strict.synonymPairs).toEqual([]);
		expect(reasons(strict.psychsyn)[0]).toBe('no psychometric synonyms: no item pair correlates above 0.99');
	});

	it('only two synonym pairs in the sample → everyone null (fewer than 3 pairs)', () => {
		const four = careless(SAMPLE.map((row) => row.slice(0, 4)));
		expect(four.synonymPairs).toEqual([
			[1, 0],
			[3, 2]
		]);
		expect(values(four.psychsyn).every((v) => v === null)).toBe(true);
	});
});

describe('psychant', () => {
	const reversedSample = SAMPLE.map(([a, b, c, d, e, f]) => [
		a,
		b === null ? null : 6 - b,
		c,
		d === null ? null : 6 - d,
		e,
		f === null ? null : 6 - f
	]);

	it('items 1, 3, 5 recoded 6 − x become antonyms of 0, 2, 4; scores flip sign', () => {
		const r = careless(reversedSample);
		expect(r.antonymPairs).toEqual([
			[1, 0],
			[3, 2],
			[5, 4]
		]);
		expect(values(r.psychant)[0]).toBeCloseTo(-1, 14);
		expect(values(r.psychant)[3]).toBeCloseTo(-Math.sqrt(3) / 2, 14);
		expect(r.synonymPairs.length).toBe(0);
	});

	it('declaring those items reversed on a 1..5 scale turns them back into synonyms', () => {
		const r = careless(reversedSample, { reversed: [1, 3, 5], scale: [1, 5] });
		expect(r.synonymPairs).toEqual([
			[1, 0],
			[3, 2],
			[5, 4]
		]);
		expect(values(r.psychsyn)[3]).toBeCloseTo(Math.sqrt(3) / 2, 14);
		expect(values(r.psychant).every((v) => v === null)).toBe(true);
	});
});
