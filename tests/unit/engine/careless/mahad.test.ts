import { describe, expect, it } from 'vitest';
import { careless, reasons, values } from './helpers';

describe('mahad', () => {
	it('(1,2) (2,1) (3,4) (4,3): S = [[5/3,1],[1,5/3]], S⁻¹ = [[15,−9],[−9,15]]/16, every D² = 24/16 = 1.5', () => {
		const r = careless([
			[1, 2],
			[2, 1],
			[3, 4],
			[4, 3]
		]);
		for (const v of values(r.mahad)) expect(v).toBeCloseTo(1.5, 13);
	});

	it('adding (2.5, ·): var₁ = 5/4 over 5 answers, var₂ = 5/3 and cov = 1 over the 4 pairs; (1,2) → 30.75/13, (2.5,·) → 0', () => {
		const r = careless([
			[1, 2],
			[2, 1],
			[3, 4],
			[4, 3],
			[2.5, null]
		]);
		const d2 = values(r.mahad);
		expect(d2[0]).toBeCloseTo(30.75 / 13, 13);
		expect(d2[4]).toBeCloseTo(0, 13);
	});

	it('(4,·) with column means 2.8 and 2.5: the missing item contributes no deviation → 1.2² × S⁻¹₁₁', () => {
		const rows = [
			[1, 2],
			[2, 1],
			[3, 4],
			[4, 3],
			[4, null]
		];
		const r = careless(rows);
		const var1 = [1, 2, 3, 4, 4].reduce((s, x) => s + (x - 2.8) ** 2, 0) / 4;
		const var2 = 5 / 3;
		const cov = 1;
		const inv11 = var2 / (var1 * var2 - cov * cov);
		expect(values(r.mahad)[4]).toBeCloseTo(1.2 * 1.2 * inv11, 13);
	});

	it('an all-missing respondent is null and does not change the others', () => {
		const r = careless([
			[1, 2],
			[2, 1],
			[3, 4],
			[4, 3],
			[null, null]
		]);
		expect(values(r.mahad)).toEqual([
			expect.closeTo(1.5, 13),
			expect.closeTo(1.5, 13),
			expect.closeTo(1.5, 13),
			expect.closeTo(1.5, 13),
			null
		]);
		expect(reasons(r.mahad)[4]).toBe('no answers in the grid');
	});

	it('flags D² above χ²(0.99, 2) = 2 ln 100 ≈ 9.21', () => {
		const rows: number[][] = [];
		for (let i = 0; i < 30; i++) rows.push([i % 5, (i % 5) + ((i * 7) % 3) - 1]);
		rows.push([0, 8]);
		const r = careless(rows);
		expect(r.mahadCutoff).toBeCloseTo(2 * Math.log(100), 12);
		const flagged = Array.from(r.mahadFlagged).flatMap((f, i) => (f ? [i] : []));
		expect(flagged).toEqual([30]);
		expect(values(r.mahad)[30]!).toBeGreaterThan(r.mahadCutoff);
	});

	it('a constant item makes the covariance singular: every respondent null with the reason', () => {
		const r = careless([
			[1, 3, 2],
			[2, 3, 5],
			[3, 3, 1],
			[5, 3, 4]
		]);
		expect(values(r.mahad)).toEqual([null, null, null, null]);
		expect(reasons(r.mahad)[0]).toMatch(/covariance of the items cannot be inverted: .*singular/);
		expect(Array.from(r.mahadFlagged)).toEqual([0, 0, 0, 0]);
	});

	it('an item equal to the sum of two others is collinear: singular, null', () => {
		const rows = [
			[1, 2],
			[2, 5],
			[3, 1],
			[4, 4],
			[5, 2]
		].map(([a, b]) => [a, b, a + b]);
		const r = careless(rows);
		expect(values(r.mahad).every((v) => v === null)).toBe(true);
		expect(reasons(r.mahad)[0]).toMatch(/singular/);
	});

	it('two items never answered together: null, naming the items', () => {
		const r = careless([
			[1, null, 3],
			[2, null, 1],
			[null, 4, 2],
			[null, 1, 5]
		]);
		expect(values(r.mahad).every((v) => v === null)).toBe(true);
		expect(reasons(r.mahad)[0]).toBe('items 1 and 2 are answered together by fewer than 2 respondents');
	});

	it('uses answers as given even when items are declared reversed', () => {
		const rows = [
			[1, 2],
			[2, 1],
			[3, 4],
			[4, 3]
		];
		const plain = careless(rows);
		const reversed = careless(rows, { reversed: [0], scale: [1, 4] });
		expect(values(reversed.mahad)).toEqual(values(plain.mahad));
	});
});
