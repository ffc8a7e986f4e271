import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactChance, nearChance, oneIn, poissonBinomialTail } from '../../../../app/lib/engine/stats/chance';

/** P(at least `atLeast` successes) by enumerating all 2^k outcomes. */
function bruteTail(ps: number[], atLeast: number): number {
	let sum = 0;
	for (let mask = 0; mask < 1 << ps.length; mask++) {
		let p = 1;
		let hits = 0;
		ps.forEach((q, i) => {
			const hit = (mask >> i) & 1;
			hits += hit;
			p *= hit ? q : 1 - q;
		});
		if (hits >= atLeast) sum += p;
	}
	return sum;
}

describe('chance of a match', () => {
	it('Poisson-binomial tail equals hand-computed values', () => {
		// three fair coins, at least 2 heads: 4 of 8 outcomes
		expect(poissonBinomialTail([0.5, 0.5, 0.5], 2)).toBeCloseTo(0.5, 12);
		// p = .2, .5, .9: P(3) = .09; P(2) = .2·.5·.1 + .2·.5·.9 + .8·.5·.9 = .46
		expect(poissonBinomialTail([0.2, 0.5, 0.9], 2)).toBeCloseTo(0.55, 12);
		expect(poissonBinomialTail([0.2, 0.5, 0.9], 3)).toBeCloseTo(0.09, 12);
		expect(poissonBinomialTail([0.2, 0.5], 0)).toBe(1);
		expect(poissonBinomialTail([0.2, 0.5], 3)).toBe(0);
		// a trial that can never succeed (a missing answer) only uses up a failure
		expect(poissonBinomialTail([0, 0.5, 0.5], 2)).toBeCloseTo(0.25, 12);
	});

	it('Poisson-binomial tail equals enumeration of every outcome', () => {
		fc.assert(
			fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 10 }), fc.nat(11), (ps, k) => {
				expect(poissonBinomialTail(ps, k)).toBeCloseTo(bruteTail(ps, k), 12);
			})
		);
	});

	it('exact copy: expected count (n − 1)·Π p and its Poisson chance', () => {
		// shares .1 and .2 among 100 others: 100 · .02 = 2 expected, P(≥ 1) = 1 − e^−2
		const c = exactChance([0.1, 0.2], 101);
		expect(c.expected).toBeCloseTo(2, 12);
		expect(c.chance).toBeCloseTo(1 - Math.exp(-2), 12);
		// dependence 2: two items count as one, √.02 per pair
		expect(exactChance([0.1, 0.2], 101, 2).expected).toBeCloseTo(100 * Math.sqrt(0.02), 10);
		// a rare answer vector: 1e-9 per pair among 6,365 others, so the chance is about the expected count
		expect(exactChance([1e-3, 1e-3, 1e-3], 6366).chance / 6365e-9).toBeCloseTo(1, 5);
	});

	it('near copy: (n − 1) times the tail of at least `same` agreements', () => {
		expect(nearChance([0.5, 0.5, 0.5], 3, 11).expected).toBeCloseTo(10 * 0.125, 12);
		expect(nearChance([0.2, 0.5, 0.9], 2, 3).expected).toBeCloseTo(2 * 0.55, 12);
	});

	it('says the chance in words', () => {
		expect(oneIn(1 / 4000)).toBe('about 1 in 4,000');
		expect(oneIn(1 / 4321)).toBe('about 1 in 4,300');
		expect(oneIn(1 / 7)).toBe('about 1 in 7');
		expect(oneIn(1e-12)).toBe('fewer than 1 in a billion');
		expect(oneIn(0.6)).toBe('more often than not');
	});
});
