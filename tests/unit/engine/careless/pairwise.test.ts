import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairwiseMoments } from '../../../../app/lib/engine/careless/pairwise';
import { careless } from './helpers';

/** R's pairwise-complete two-pass cov and cor, written out plainly. */
function naive(matrix: Float64Array, n: number, k: number) {
	const cov = new Float64Array(k * k);
	const cor = new Float64Array(k * k);
	for (let i = 0; i < k; i++) {
		for (let j = 0; j < k; j++) {
			const rows = [];
			for (let r = 0; r < n; r++) {
				const a = matrix[r * k + i];
				const b = matrix[r * k + j];
				if (!Number.isNaN(a) && !Number.isNaN(b)) rows.push([a, b]);
			}
			if (rows.length < 2) {
				cov[i * k + j] = cor[i * k + j] = Number.NaN;
				continue;
			}
			const ma = rows.reduce((s, [a]) => s + a, 0) / rows.length;
			const mb = rows.reduce((s, [, b]) => s + b, 0) / rows.length;
			let sab = 0;
			let saa = 0;
			let sbb = 0;
			for (const [a, b] of rows) {
				sab += (a - ma) * (b - mb);
				saa += (a - ma) ** 2;
				sbb += (b - mb) ** 2;
			}
			cov[i * k + j] = sab / (rows.length - 1);
			cor[i * k + j] = saa === 0 || sbb === 0 ? Number.NaN : sab / Math.sqrt(saa * sbb);
		}
	}
	return { cov, cor };
}

const cell = fc.oneof(
	{ weight: 1, arbitrary: fc.constant(Number.NaN) },
	{ weight: 5, arbitrary: fc.integer({ min: 1, max: 7 }) },
	{ weight: 1, arbitrary: fc.integer({ min: -1e6, max: 1e6 }).map((v) => v / 1000) }
);

function close(a: number, b: number): boolean {
	if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
	return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

describe('pairwiseMoments', () => {
	it('equals the plain two-pass pairwise covariance and correlation on random grids with missing answers', () => {
		fc.assert(
			fc.property(
				fc
					.integer({ min: 1, max: 6 })
					.chain((k) =>
						fc.tuple(fc.constant(k), fc.array(fc.array(cell, { minLength: k, maxLength: k }), { minLength: 0, maxLength: 40 }))
					),
				fc.double({ min: -1e6, max: 1e6, noNaN: true }),
				([k, rows], offset) => {
					const n = rows.length;
					const matrix = Float64Array.from(rows.flat(), (v) => v + Math.round(offset));
					const m = pairwiseMoments(matrix, n, k);
					const want = naive(matrix, n, k);
					const cov = m.covariance;
					const cor = m.correlation;
					for (let p = 0; p < k * k; p++) {
						if (!close(cov[p], want.cov[p])) throw new Error(`cov[${p}] ${cov[p]} vs ${want.cov[p]}`);
						if (p % (k + 1) !== 0 && !close(cor[p], want.cor[p])) throw new Error(`cor[${p}] ${cor[p]} vs ${want.cor[p]}`);
					}
				}
			),
			{ numRuns: 500, seed: 11 }
		);
	});

	it('3 3 3 9 1 beside 1 2 5 · ·: constant where both are answered → no correlation; variance over all five = 36.8/4', () => {
		const rows = [
			[3, 1],
			[3, 2],
			[3, 5],
			[9, Number.NaN],
			[1, Number.NaN]
		];
		const m = pairwiseMoments(Float64Array.from(rows.flat()), 5, 2);
		expect(Number.isNaN(m.correlation[1])).toBe(true);
		expect(m.covariance[0]).toBeCloseTo(36.8 / 4, 12);
	});

	it('5 5 2 4 vs 1 4 1 2 correlate exactly 1/2 (plain double two-pass gives 0.5000000000000001), so not above a critval of 0.5', () => {
		const m = pairwiseMoments(Float64Array.from([5, 1, 5, 4, 2, 1, 4, 2]), 4, 2);
		expect(m.correlation[1]).toBe(0.5);
		const c = careless(
			[
				[5, 1],
				[5, 4],
				[2, 1],
				[4, 2]
			],
			{ psychsynCritval: 0.5 }
		);
		expect(c.synonymPairs).toEqual([]);
	});

	it('2 4 3 3 2 2 vs 2 5 3 5 4 1 correlate exactly 0.7 (plain double: 0.7000000000000001)', () => {
		const x = [2, 4, 3, 3, 2, 2];
		const y = [2, 5, 3, 5, 4, 1];
		const m = pairwiseMoments(Float64Array.from(x.flatMap((v, i) => [v, y[i]])), 6, 2);
		expect(m.correlation[1]).toBe(0.7);
	});
});
