import { describe, expect, it } from 'vitest';
import { chiSquareCdf, chiSquareQuantile } from '../../../../app/lib/engine/careless/chi-square';
import reference from '../../../fixtures/careless/reference.json';

describe('chiSquareQuantile', () => {
	it('df 2 has the closed form −2 ln(1 − p): 0.99 → 2 ln 100', () => {
		expect(chiSquareQuantile(0.99, 2)).toBeCloseTo(2 * Math.log(100), 12);
	});

	it('df 1 is the squared normal quantile: 0.99 → 2.5758293035489004²', () => {
		expect(chiSquareQuantile(0.99, 1)).toBeCloseTo(2.5758293035489004 ** 2, 11);
	});

	it('df 4 solves 1 − e^(−x/2)(1 + x/2) = 0.99', () => {
		const x = chiSquareQuantile(0.99, 4);
		expect(1 - Math.exp(-x / 2) * (1 + x / 2)).toBeCloseTo(0.99, 14);
	});

	it.each([
		[5, 15.0863],
		[10, 23.2093],
		[20, 37.5662],
		[30, 50.8922],
		[50, 76.1539],
		[100, 135.8067]
	])('printed table value χ²(0.99, %i) = %f', (df, q) => {
		expect(chiSquareQuantile(0.99, df)).toBeCloseTo(q, 4);
	});

	it('matches the fixture computed independently in Python to 1e-9', () => {
		for (const { p, df, q } of reference.chiSquare) {
			expect(Math.abs(chiSquareQuantile(p, df) - q)).toBeLessThan(1e-9);
		}
	});

	it('is the inverse of the CDF across degrees of freedom', () => {
		for (const df of [1, 3, 7, 19, 40, 120]) {
			for (const p of [0.5, 0.9, 0.99, 0.999]) {
				expect(chiSquareCdf(chiSquareQuantile(p, df), df)).toBeCloseTo(p, 12);
			}
		}
	});
});
