import { describe, expect, it } from 'vitest';
import { symmetricEigen } from '../../../../app/lib/engine/stats/eigen';

describe('symmetricEigen', () => {
	it('finds the eigenpairs of a known matrix, largest first', () => {
		// [[2,1],[1,2]] has eigenvalues 3 (along (1,1)/√2) and 1 (along (1,−1)/√2).
		const { values, vectors } = symmetricEigen(Float64Array.of(2, 1, 1, 2), 2);
		expect([...values].map((v) => +v.toFixed(12))).toEqual([3, 1]);
		expect(Math.abs(vectors[0] * vectors[1] - 0.5)).toBeLessThan(1e-12);
		expect(Math.abs(vectors[2] * vectors[3] + 0.5)).toBeLessThan(1e-12);
	});

	it('reconstructs a random symmetric matrix as V Λ Vᵀ with orthonormal V', () => {
		const k = 12;
		const a = new Float64Array(k * k);
		let s = 7;
		const rand = () => ((s = (s * 16807) % 2147483647) / 2147483647) * 2 - 1;
		for (let i = 0; i < k; i++) for (let j = i; j < k; j++) a[i * k + j] = a[j * k + i] = rand();
		const { values, vectors } = symmetricEigen(a, k);
		for (let i = 0; i < k; i++) {
			for (let j = 0; j < k; j++) {
				let rebuilt = 0;
				let dot = 0;
				for (let c = 0; c < k; c++) {
					rebuilt += vectors[c * k + i] * values[c] * vectors[c * k + j];
					dot += vectors[i * k + c] * vectors[j * k + c];
				}
				expect(Math.abs(rebuilt - a[i * k + j])).toBeLessThan(1e-10);
				expect(Math.abs(dot - (i === j ? 1 : 0))).toBeLessThan(1e-10);
			}
		}
		for (let i = 1; i < k; i++) expect(values[i]).toBeLessThanOrEqual(values[i - 1]);
	});
});
