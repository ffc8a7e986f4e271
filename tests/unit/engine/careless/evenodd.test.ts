import { describe, expect, it } from 'vitest';
import { careless, reasons, values } from './helpers';

const factors = [
	[0, 1],
	[2, 3],
	[4, 5]
];

describe('evenodd', () => {
	it('odd means (1,2,3) = even means (1,2,3): r = 1, 2r/(1+r) = 1, negated → −1', () => {
		expect(values(careless([[1, 1, 2, 2, 3, 3]], { factors }).evenodd)[0]).toBeCloseTo(-1, 14);
	});

	it('odd (1,2,3) vs even (3,2,1): r = −1, 2r/(1+r) = −∞ floored at −1, negated → 1', () => {
		expect(values(careless([[1, 3, 2, 2, 3, 1]], { factors }).evenodd)).toEqual([1]);
	});

	it('odd (1,2,3) vs even (2,4,3): r = 1/2, 2r/(1+r) = 2/3, negated → −2/3', () => {
		expect(values(careless([[1, 2, 2, 4, 3, 3]], { factors }).evenodd)[0]).toBeCloseTo(-2 / 3, 14);
	});

	it('odd (1,3) and even (2,5) over two 3-item and 4-item factors: positions count within each factor', () => {
		const r = careless([[1, 2, 1, 3, 5, 3, 5]], {
			factors: [
				[0, 1, 2],
				[3, 4, 5, 6]
			]
		});
		expect(values(r.evenodd)[0]).toBeCloseTo(-1, 14);
	});

	it('1 5 1 2 2 3 3 by [0,1,2]: odd (1,2,3) even (5,2,3), r = −6/√84, 2r/(1+r) < −1 → floored, negated → 1', () => {
		const natural = careless([[1, 5, 1, 2, 2, 3, 3]], {
			factors: [
				[0, 1, 2],
				[3, 4],
				[5, 6]
			]
		});
		expect(values(natural.evenodd)).toEqual([1]);
	});

	it('the same answers by [2,0,1]: odd items 2,1 → (3,2,3), even (1,2,3), r = 0 → 0', () => {
		const given = careless([[1, 5, 1, 2, 2, 3, 3]], {
			factors: [
				[2, 0, 1],
				[3, 4],
				[5, 6]
			]
		});
		expect(values(given.evenodd)[0]).toBeCloseTo(0, 14);
	});

	it('1 · 2 2 3 3: the first factor has no even answer, so it drops out; (2,3) vs (2,3) → −1', () => {
		expect(values(careless([[1, null, 2, 2, 3, 3]], { factors }).evenodd)[0]).toBeCloseTo(-1, 14);
	});

	it('1 · 2 · 3 3: only one factor has both halves → null with the reason', () => {
		const r = careless([[1, null, 2, null, 3, 3]], { factors });
		expect(values(r.evenodd)).toEqual([null]);
		expect(reasons(r.evenodd)).toEqual(['fewer than 2 factors have both odd and even items answered']);
	});

	it('straight-liner 2 2 2 2 2 2: means do not vary → null', () => {
		const r = careless([[2, 2, 2, 2, 2, 2]], { factors });
		expect(values(r.evenodd)).toEqual([null]);
		expect(reasons(r.evenodd)).toEqual(['odd or even means do not vary across factors']);
	});

	it('reversed item 1 on a 1..5 scale: 1 5 2 2 3 3 is read as 1 1 2 2 3 3 → −1', () => {
		const r = careless([[1, 5, 2, 2, 3, 3]], { factors, reversed: [1], scale: [1, 5] });
		expect(values(r.evenodd)[0]).toBeCloseTo(-1, 14);
	});

	it('a single factor cannot be split across factors → null for everyone', () => {
		const r = careless([[1, 2, 3, 4]], { factors: [[0, 1, 2, 3]] });
		expect(values(r.evenodd)).toEqual([null]);
		expect(reasons(r.evenodd)).toEqual(['even-odd consistency needs at least 2 factors']);
	});

	it('no factors → null; an item outside the grid → null with its own reason', () => {
		expect(reasons(careless([[1, 2]]).evenodd)).toEqual(['even-odd consistency needs at least 2 factors']);
		expect(reasons(careless([[1, 2]], { factors: [[0], [5]] }).evenodd)).toEqual(['a factor item is not in the grid']);
	});

	it('reversed items without a scale: null with the reason rather than a guess', () => {
		const r = careless([[1, 5, 2, 2, 3, 3]], { factors, reversed: [1] });
		expect(reasons(r.evenodd)).toEqual(['reversed items need the scale [min, max] of the grid']);
		expect(values(r.longstring)).toEqual([2]);
	});
});
