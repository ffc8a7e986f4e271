import { describe, expect, it } from 'vitest';
import { computeCareless } from '../../../../app/lib/engine/careless';
import { BOT_FEATURES, botFeatures } from '../../../../app/lib/engine/bot/features';

const at = (features: Float32Array, row: number, name: (typeof BOT_FEATURES)[number]) =>
	features[row * BOT_FEATURES.length + BOT_FEATURES.indexOf(name)];

describe('botFeatures', () => {
	// Three respondents × 6 items on 1–5: a straight-liner on 5, a zigzag 1/5, and a middle-only answerer.
	const matrix = Float64Array.from([5, 5, 5, 5, 5, 5, 1, 5, 1, 5, 1, 5, 3, 3, 2, 3, 4, 3]);
	const means = Float64Array.from([3, 13 / 3, 8 / 3, 13 / 3, 10 / 3, 13 / 3]);
	const grid = { matrix, k: 6, scale: [1, 5] as [number, number], careless: computeCareless(matrix, 3, 6), means };
	const perm = {
		p: Float64Array.of(1, 0.5, NaN),
		z: Float64Array.of(0, -0.4, NaN),
		answered: Int32Array.of(6, 6, 0),
		distance: Float64Array.of(9, 4, NaN)
	};

	it('describes each answer pattern in shares of the grid and the scale', () => {
		const f = botFeatures([grid], perm, 3, Float64Array.of(100, 400, 800));
		expect(at(f, 0, 'longstring_share')).toBe(1);
		expect(at(f, 0, 'entropy')).toBe(0);
		expect(at(f, 0, 'extreme_share')).toBe(1);
		expect(at(f, 1, 'extreme_share')).toBe(1);
		expect(at(f, 1, 'entropy')).toBeCloseTo(Math.log(2) / Math.log(5), 6);
		expect(at(f, 2, 'midpoint_share')).toBeCloseTo(4 / 6, 6);
		expect(at(f, 1, 'irv_rel')).toBeCloseTo(Math.sqrt(24 / 5) / 2, 6);
		expect(at(f, 0, 'perm_p')).toBe(1);
		expect(at(f, 1, 'perm_z')).toBeCloseTo(-0.4, 6);
		// an untested respondent looks like no evidence either way: z 0, p 1
		expect(at(f, 2, 'perm_z')).toBe(0);
		expect(at(f, 2, 'perm_p')).toBe(1);
	});

	it('gives the log duration ratio to the median, and marks a missing duration', () => {
		const f = botFeatures([grid], perm, 3, Float64Array.of(100, 400, NaN));
		expect(at(f, 0, 'log_duration_ratio')).toBeCloseTo(Math.log(100 / 400), 6);
		expect(at(f, 2, 'log_duration_ratio')).toBe(0);
		expect(at(f, 2, 'duration_missing')).toBe(1);
		const none = botFeatures([grid], perm, 3, null);
		expect([0, 1, 2].map((r) => at(none, r, 'duration_missing'))).toEqual([1, 1, 1]);
	});
});
