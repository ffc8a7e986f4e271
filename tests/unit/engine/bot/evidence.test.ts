import { describe, expect, it } from 'vitest';
import { answerPattern, EVIDENCE, evidenceRows } from '../../../../app/lib/engine/bot/evidence';
import { fitGridModel } from '../../../../app/lib/engine/bot/grid-model';

describe('answerPattern', () => {
	it('counts midpoint and end answers, the longest run, the spread and the entropy of the options used', () => {
		const a = answerPattern([1, 1, 1, 3, 5, NaN, 5], 7, [1, 5]);
		expect(a).toMatchObject({ answered: 6, midpoint: 1, extreme: 5, longest: 3 });
		// options 1 ×3, 3 ×1, 5 ×2 over log 5
		const h = -(0.5 * Math.log(0.5) + (1 / 6) * Math.log(1 / 6) + (1 / 3) * Math.log(1 / 3));
		expect(a.entropy).toBeCloseTo(h / Math.log(5), 12);
		expect(a.sd).toBeCloseTo(Math.sqrt(((1 - 8 / 3) ** 2 * 3 + (3 - 8 / 3) ** 2 + (5 - 8 / 3) ** 2 * 2) / 5), 12);
	});

	it('counts answers off the scale too (a code outside the labels, a half point), and gives a one-option row zero entropy', () => {
		expect(answerPattern([2.5, 2.5, 9, 1], 4, [1, 4]).entropy).toBeCloseTo(
			-(0.5 * Math.log(0.5) + 2 * 0.25 * Math.log(0.25)) / Math.log(4),
			12
		);
		expect(answerPattern([4, 4, 4, 4], 4, [1, 4])).toMatchObject({ entropy: 0, longest: 4, extreme: 4, sd: 0 });
	});
});

describe('evidenceRows', () => {
	it('gives the test’s z and log distance per answer, and NaN for a respondent the test could not score', () => {
		const n = 4;
		const matrix = Float64Array.from([1, 2, 3, 4, 5, 2, 3, 4, 5, 5, 1, 1, 2, 2, 3, 5, 4, 3, 2, 1]);
		const model = fitGridModel(matrix, n, 5);
		if ('reason' in model) throw new Error(model.reason);
		const perm = {
			p: Float64Array.of(0.1, 0.5, 0.9, NaN),
			z: Float64Array.of(-2, 0.1, 0.3, NaN),
			answered: Int32Array.of(5, 5, 5, 0),
			distance: Float64Array.of(10, 20, 5, NaN)
		};
		const e = evidenceRows([{ matrix, model, scale: [1, 5] }], perm, n);
		const at = (r: number, f: (typeof EVIDENCE)[number]) => e[r * EVIDENCE.length + EVIDENCE.indexOf(f)];
		expect(at(0, 'perm_z')).toBe(-2);
		expect(at(1, 'log_distance')).toBeCloseTo(Math.log(4), 12);
		expect(at(2, 'longstring_share')).toBeCloseTo(2 / 5, 12);
		expect(at(1, 'extreme_share')).toBeCloseTo(2 / 5, 12);
		for (const f of EVIDENCE) expect(at(3, f)).toBeNaN();
	});
});
