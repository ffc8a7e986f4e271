import { describe, expect, it } from 'vitest';
import { invertMatrix } from '../../../../app/lib/engine/careless/invert';

function inverse(rows: number[][]): number[][] | string {
	const k = rows.length;
	const res = invertMatrix(Float64Array.from(rows.flat()), k);
	if ('reason' in res) return res.reason;
	return rows.map((_, i) => Array.from(res.inverse.slice(i * k, i * k + k)));
}

describe('invertMatrix', () => {
	it('[[4,7],[2,6]] → [[0.6,−0.7],[−0.2,0.4]] (det 10)', () => {
		const inv = inverse([
			[4, 7],
			[2, 6]
		]) as number[][];
		[
			[0.6, -0.7],
			[-0.2, 0.4]
		].forEach((row, i) => row.forEach((v, j) => expect(inv[i][j]).toBeCloseTo(v, 14)));
	});

	it('needs a row swap: [[0,1],[1,0]] is its own inverse', () => {
		expect(
			inverse([
				[0, 1],
				[1, 0]
			])
		).toEqual([
			[0, 1],
			[1, 0]
		]);
	});

	it('an indefinite symmetric matrix, as pairwise covariances can be: [[1,2],[2,1]] → [[−1,2],[2,−1]]/3', () => {
		const inv = inverse([
			[1, 2],
			[2, 1]
		]) as number[][];
		expect(inv[0][0]).toBeCloseTo(-1 / 3, 14);
		expect(inv[0][1]).toBeCloseTo(2 / 3, 14);
	});

	it('A·A⁻¹ = I on a 5 × 5 matrix', () => {
		const a = [
			[4, 1, 0.5, 0, 2],
			[1, 5, 1, 0.3, 0],
			[0.5, 1, 3, 1, 0.2],
			[0, 0.3, 1, 6, 1],
			[2, 0, 0.2, 1, 7]
		];
		const inv = inverse(a) as number[][];
		for (let i = 0; i < 5; i++) {
			for (let j = 0; j < 5; j++) {
				const s = a[i].reduce((acc, v, m) => acc + v * inv[m][j], 0);
				expect(s).toBeCloseTo(i === j ? 1 : 0, 12);
			}
		}
	});

	it('a zero column is exactly singular', () => {
		expect(
			inverse([
				[1, 0],
				[2, 0]
			])
		).toBe('the matrix is exactly singular');
	});

	it('rows 1 2 3 / 4 5 6 / 7 8 9 are dependent: singular (exactly or computationally)', () => {
		expect(
			inverse([
				[1, 2, 3],
				[4, 5, 6],
				[7, 8, 9]
			])
		).toMatch(/singular/);
	});

	it('a NaN entry is refused', () => {
		expect(
			inverse([
				[1, Number.NaN],
				[0, 1]
			])
		).toBe('the matrix has missing entries');
	});
});
