import { describe, expect, it } from 'vitest';
import { careless, values } from './helpers';

describe('longstring', () => {
	it('1 1 2 2 2 3: runs 2,3,1 → longest 3, average 6/3 = 2', () => {
		const r = careless([[1, 1, 2, 2, 2, 3]]);
		expect(values(r.longstring)).toEqual([3]);
		expect(values(r.longstringAvg)).toEqual([2]);
	});

	it('straight-liner 4 4 4 4 4: one run of 5 → 5 and 5', () => {
		const r = careless([[4, 4, 4, 4, 4]]);
		expect(values(r.longstring)).toEqual([5]);
		expect(values(r.longstringAvg)).toEqual([5]);
	});

	it('1 2 3 4: every answer its own run → 1 and 1', () => {
		const r = careless([[1, 2, 3, 4]]);
		expect(values(r.longstring)).toEqual([1]);
		expect(values(r.longstringAvg)).toEqual([1]);
	});

	it('3 3 · 3 3 3: the missing answer breaks the run and is a run itself → runs 2,1,3 → 3 and 6/3', () => {
		const r = careless([[3, 3, null, 3, 3, 3]]);
		expect(values(r.longstring)).toEqual([3]);
		expect(values(r.longstringAvg)).toEqual([2]);
	});

	it('· · · 2: two missing answers never equal each other → runs 1,1,1,1 → 1 and 1', () => {
		const r = careless([[null, null, null, 2]]);
		expect(values(r.longstring)).toEqual([1]);
		expect(values(r.longstringAvg)).toEqual([1]);
	});

	it('all missing: four runs of 1 as R rle gives → 1 and 1', () => {
		const r = careless([[null, null, null, null]]);
		expect(values(r.longstring)).toEqual([1]);
		expect(values(r.longstringAvg)).toEqual([1]);
	});

	it('1 1 2 2 1 1 2: runs 2,2,2,1 → 2 and 7/4, with ties for the longest', () => {
		const r = careless([[1, 1, 2, 2, 1, 1, 2]]);
		expect(values(r.longstring)).toEqual([2]);
		expect(values(r.longstringAvg)).toEqual([1.75]);
	});

	it('each respondent on its own row of the matrix', () => {
		const r = careless([
			[5, 5, 5, 1],
			[1, 2, 2, 2]
		]);
		expect(values(r.longstring)).toEqual([3, 3]);
		expect(values(r.longstringAvg)).toEqual([2, 2]);
	});

	it("careless's own test pattern: 10·i ones then 0 1 0 1… over 100 items → 10·i; blocks of ten 1s and 0s → 10", () => {
		const rows = Array.from({ length: 9 }, (_, r) =>
			Array.from({ length: 100 }, (_, j) => (j < 10 * (r + 1) ? 1 : (j - 10 * (r + 1)) % 2))
		);
		rows.push(Array.from({ length: 100 }, (_, j) => (Math.floor(j / 10) % 2 === 0 ? 1 : 0)));
		expect(values(careless(rows).longstring)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 10]);
	});
});
