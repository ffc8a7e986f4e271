import { describe, expect, it } from 'vitest';
import { careless, reasons, values } from './helpers';

describe('irv', () => {
	it('1 2 3 4 5: mean 3, squares 4+1+0+1+4 = 10, /(5−1) → sqrt(2.5)', () => {
		expect(values(careless([[1, 2, 3, 4, 5]]).irv)[0]).toBeCloseTo(Math.sqrt(2.5), 14);
	});

	it('straight-liner 3 3 3 3: zero', () => {
		expect(values(careless([[3, 3, 3, 3]]).irv)).toEqual([0]);
	});

	it('2 · 4 ·: only the answered 2 and 4 count → squares 1+1, /(2−1) → sqrt(2)', () => {
		expect(values(careless([[2, null, 4, null]]).irv)[0]).toBeCloseTo(Math.SQRT2, 14);
	});

	it('a single answer has no sample SD: null with a reason', () => {
		const r = careless([[null, 5, null]]);
		expect(values(r.irv)).toEqual([null]);
		expect(reasons(r.irv)).toEqual(['fewer than 2 answers']);
	});

	it('no answers: null', () => {
		expect(values(careless([[null, null]]).irv)).toEqual([null]);
	});

	it('uses answers as given even when items are declared reversed', () => {
		const r = careless([[1, 5, 1, 5]], { reversed: [1, 3], scale: [1, 5] });
		expect(values(r.irv)[0]).toBeCloseTo(Math.sqrt(16 / 3), 14);
	});
});
