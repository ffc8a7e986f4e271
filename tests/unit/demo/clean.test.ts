import { describe, expect, it } from 'vitest';
import { COUNTRIES } from '../../../app/lib/demo/countries';
import { NON_ANSWERS } from '../../../app/lib/demo/phrases';
import { demoFixture } from './fixture';
import { pearson } from './materialize';

const canonical = new Set(COUNTRIES.map((c) => c.name));

describe.each([
	{ rows: 2000, seed: 7 },
	{ rows: 3000, seed: 101, cols: 60 }
])('careful respondents (%o)', (opts) => {
	const { demo, data, durations, med, grids, cleanRows, at, straight } = demoFixture(opts);
	const n = demo.rows;

	it('clean respondents look clean', () => {
		expect(cleanRows.length).toBe(n - demo.truth.length);
		expect(demo.truth.length).toBe(13 * Math.round(0.03 * n));
		for (const i of cleanRows) {
			for (const g of grids) expect(straight(i, g.items)).toBe(false);
			expect(durations[i]).toBeGreaterThanOrEqual(0.5 * med);
			expect(at('q2_attn', i)).toBe(6);
			expect(canonical.has(at('country', i) as string)).toBe(true);
			expect(at('age', i) as number).toBeGreaterThanOrEqual(18);
			expect(at('hh_size', i) as number).toBeGreaterThan(at('n_children', i) as number);
			expect(at('end_time', i) as number).toBeGreaterThan(at('start_time', i) as number);
			if (at('used_support', i) === 2) expect(at('support_sat', i)).toBeNaN();
			for (const oe of ['oe_like', 'oe_improve']) expect(NON_ANSWERS).not.toContain(at(oe, i));
		}
	});

	it('clean answers are correlated: synonym pairs above 0.6, reversed items negative', () => {
		const col = (name: string) => cleanRows.map((i) => at(name, i) as number);
		expect(pearson(col('q2_1'), col('q2_2'))).toBeGreaterThan(0.6);
		expect(pearson(col('q2_6'), col('q2_7'))).toBeGreaterThan(0.6);
		expect(pearson(col('q2_1'), col('q2_3'))).toBeLessThan(-0.5);
		expect(Math.abs(pearson(col('q2_1'), col('q2_7')))).toBeLessThan(0.4);
		const sat = cleanRows.filter((i) => at('q1_1', i) !== 98 && at('q1_2', i) !== 98);
		expect(
			pearson(
				sat.map((i) => at('q1_1', i) as number),
				sat.map((i) => at('q1_2', i) as number)
			)
		).toBeGreaterThan(0.3);
		expect(
			pearson(
				col('nps'),
				col('q1_4').map((v) => (v === 98 ? 3 : v))
			)
		).toBeGreaterThan(0.3);
	});

	it('gives psychsyn and psychant enough item pairs over the whole file, planted rows included', () => {
		const items = grids[1].items;
		const rs: number[] = [];
		for (let a = 0; a < items.length; a++)
			for (let b = a + 1; b < items.length; b++) rs.push(pearson(data[items[a]] as number[], data[items[b]] as number[]));
		expect(rs.filter((r) => r > 0.6).length).toBeGreaterThanOrEqual(3);
		expect(rs.filter((r) => r < -0.6).length).toBeGreaterThanOrEqual(3);
	});

	it('heaps reported income on round numbers', () => {
		const incomes = cleanRows.map((i) => at('income', i) as number).filter((v) => v > 0);
		expect(incomes.filter((v) => v % 5000 === 0).length / incomes.length).toBeGreaterThan(0.4);
		expect(incomes.filter((v) => v % 1000 !== 0).length).toBeGreaterThan(0);
	});
});
