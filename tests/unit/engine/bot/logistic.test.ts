import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../app/lib/demo/rng';
import { fitLogistic, logOdds, sigmoid } from '../../../../app/lib/engine/bot/logistic';

describe('fitLogistic', () => {
	// 20 000 rows drawn from a known model: log-odds = −1 + 2·x₀ − 0.5·x₁ (x₀ ~ N(3, 2²), x₁ ~ N(0, 1))
	const r = createRng(7);
	const n = 20000;
	const x = new Float64Array(n * 2);
	const y = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		x[2 * i] = 3 + 2 * r.normal();
		x[2 * i + 1] = r.normal();
		y[i] = r.chance(sigmoid(-1 + 2 * x[2 * i] - 0.5 * x[2 * i + 1])) ? 1 : 0;
	}
	const ones = new Float64Array(n).fill(1);

	it('recovers the coefficients of the model the data were drawn from', () => {
		const m = fitLogistic(x, y, ones, 2, { l2: 0 });
		// standardised coefficients: raw × SD of the input
		expect(m.coef[0] / m.sd[0]).toBeCloseTo(2, 1);
		expect(m.coef[1] / m.sd[1]).toBeCloseTo(-0.5, 1);
		expect(logOdds(m, [0, 0])).toBeCloseTo(-1, 0);
	});

	it('with a strong ridge penalty and little data, stays near the prior coefficients', () => {
		const few = fitLogistic(x.subarray(0, 20), y.subarray(0, 10), ones.subarray(0, 10), 2, { l2: 1e6, prior: [0.3, 0] });
		expect(few.coef[0]).toBeCloseTo(0.3, 3);
		expect(few.coef[1]).toBeCloseTo(0, 3);
	});

	it('weights rows: doubling the weight of the positives adds log 2 to every log-odds', () => {
		const a = fitLogistic(x, y, ones, 2, { l2: 0 });
		const b = fitLogistic(
			x,
			y,
			Float64Array.from(y, (v) => (v ? 2 : 1)),
			2,
			{ l2: 0 }
		);
		for (const point of [
			[0, 0],
			[3, 1],
			[5, -2]
		])
			expect(logOdds(b, point) - logOdds(a, point)).toBeCloseTo(Math.log(2), 1);
	});
});
