import { describe, expect, it } from 'vitest';
import { factorSurvey } from '../../../../app/lib/demo/factor-survey';
import { createRng } from '../../../../app/lib/demo/rng';
import { fitGridModel, type GridModel } from '../../../../app/lib/engine/bot/grid-model';
import { permutationTest } from '../../../../app/lib/engine/bot/permutation-test';

const K = 10;
const humans = factorSurvey({ rows: 1500, seed: 2, grids: [{ name: 'g', items: K, scale: [1, 5], factors: 2 }], botShare: 0, kinds: [] });
const model = fitGridModel(humans.answers[0], 1500, K) as GridModel;

/** Respondents answering uniformly at random, scored against the humans' model. */
function randomRows(n: number, seed: number, holes = 0): Float64Array {
	const r = createRng(seed);
	const m = Float64Array.from({ length: n * K }, () => r.int(1, 5));
	for (let i = 0; i < n; i++) for (let h = 0; h < holes; h++) m[i * K + ((i + 3 * h) % K)] = NaN;
	return m;
}

const share = (p: Float64Array, test: (x: number) => boolean) => p.filter(test).length / p.length;

describe('permutationTest', () => {
	it('fits a model with a few components on factor-structured answers', () => {
		expect('reason' in model).toBe(false);
		expect(model.components).toBeGreaterThanOrEqual(1);
		expect(model.components).toBeLessThanOrEqual(5);
	});

	it('gives exchangeable answers a uniform p-value: about 5 % at or below 0.05 and half below 0.5', () => {
		const { p } = permutationTest([{ matrix: randomRows(2000, 9), model }], 2000, { permutations: 99 });
		expect(share(p, (x) => x <= 0.05)).toBeGreaterThan(0.03);
		expect(share(p, (x) => x <= 0.05)).toBeLessThan(0.075);
		expect(share(p, (x) => x <= 0.5)).toBeGreaterThan(0.45);
		expect(share(p, (x) => x <= 0.5)).toBeLessThan(0.55);
	});

	it('stays uniform when answers are missing (own shuffles of the answered items)', () => {
		const { p, answered } = permutationTest([{ matrix: randomRows(1500, 10, 2), model }], 1500, { permutations: 99 });
		expect(answered[0]).toBe(K - 2);
		expect(share(p, (x) => x <= 0.05)).toBeGreaterThan(0.025);
		expect(share(p, (x) => x <= 0.05)).toBeLessThan(0.08);
	});

	it('gives most humans who read the items a small p-value (10 items: 70 %) and a very negative z', () => {
		const { p, z } = permutationTest([{ matrix: humans.answers[0], model }], 1500, { permutations: 99 });
		expect(share(p, (x) => x <= 0.05)).toBeGreaterThan(0.6);
		const sorted = [...z].sort((a, b) => a - b);
		expect(sorted[750]).toBeLessThan(-1.5);
	});

	it('cannot tell a straight-liner from its shuffles (p = 1), skips rows with too few answers, and repeats itself for a seed', () => {
		const m = humans.answers[0].slice(0, 3 * K);
		m.fill(4, 0, K);
		m.fill(NaN, K, 2 * K - 2);
		const a = permutationTest([{ matrix: m, model }], 3, { permutations: 50, seed: 5 });
		expect(a.p[0]).toBe(1);
		expect(a.z[0]).toBe(0);
		expect(a.p[1]).toBeNaN();
		expect(a.answered[1]).toBe(0);
		expect(permutationTest([{ matrix: m, model }], 3, { permutations: 50, seed: 5 }).p).toEqual(a.p);
	});

	it('sums the statistic over grids, so two random grids are one test', () => {
		const { p } = permutationTest(
			[
				{ matrix: randomRows(1000, 11), model },
				{ matrix: randomRows(1000, 12), model }
			],
			1000,
			{ permutations: 99 }
		);
		expect(share(p, (x) => x <= 0.05)).toBeLessThan(0.08);
		expect(share(p, (x) => x <= 0.05)).toBeGreaterThan(0.025);
	});
});
