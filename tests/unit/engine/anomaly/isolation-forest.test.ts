import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../app/lib/demo/rng';
import { fitIsolationForest, scoreIsolation } from '../../../../app/lib/engine/anomaly/isolation-forest';

describe('isolation forest', () => {
	const r = createRng(3);
	const n = 1000;
	const d = 4;
	const m = Float64Array.from({ length: n * d }, () => r.normal());
	m[7 * d + 2] = 9; // far out on column 2 only
	m[500 * d + 0] = -8;
	m[500 * d + 3] = 8;

	it('scores planted outliers highest and names the columns that set them apart', () => {
		const forest = fitIsolationForest(m, n, d, { seed: 1 });
		const { score, columns, top } = scoreIsolation(forest, m, n);
		const ranked = [...score.keys()].sort((a, b) => score[b] - score[a]);
		// Far out on two columns is isolated first; far out on one column only ranks in the top 3 %, since
		// a tree that did not draw the row cuts no further than its own sample reaches.
		expect(ranked[0]).toBe(500);
		expect(ranked.indexOf(7)).toBeLessThan(n * 0.03);
		expect(columns[7 * top]).toBe(2);
		expect([columns[500 * top], columns[500 * top + 1]].sort()).toEqual([0, 3]);
		const ordinary = [...score].filter((s) => s >= 0.62).length;
		expect(ordinary).toBeLessThan(n * 0.02);
	});

	it('is deterministic for a seed and differs for another', () => {
		const a = scoreIsolation(fitIsolationForest(m, n, d, { seed: 4 }), m, n).score;
		expect(scoreIsolation(fitIsolationForest(m, n, d, { seed: 4 }), m, n).score).toEqual(a);
		expect(scoreIsolation(fitIsolationForest(m, n, d, { seed: 5 }), m, n).score).not.toEqual(a);
	});
});
