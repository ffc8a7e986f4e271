import { describe, expect, it } from 'vitest';
import { COUNTRIES } from '../../../app/lib/demo/countries';
import { NON_ANSWERS } from '../../../app/lib/demo/phrases';
import { demoFixture } from './fixture';

const canonical = new Set(COUNTRIES.map((c) => c.name));

describe.each([
	{ rows: 2000, seed: 7 },
	{ rows: 3000, seed: 101, cols: 60 }
])('planted problems are in the data (%o)', (opts) => {
	const { data, durations, med, grids, cleanRows, at, straight, sourceOf, truthRows } = demoFixture(opts);

	it('speeders and bots finish under 0.3 × the median', () => {
		for (const { i } of [...truthRows('speeder'), ...truthRows('bot')]) expect(durations[i]).toBeLessThan(0.3 * med);
	});

	it('straight-liners give one answer throughout every grid', () => {
		for (const { i } of truthRows('straightliner')) for (const g of grids) expect(straight(i, g.items)).toBe(true);
	});

	it('exact duplicates equal their source in every column but rid', () => {
		for (const { i, detail } of truthRows('exact-duplicate')) {
			const s = sourceOf(detail);
			expect(s).not.toBe(i);
			expect(s < i || !cleanRows.some((c) => c < i)).toBe(true);
			for (const name of Object.keys(data)) if (name !== 'rid') expect(at(name, i)).toEqual(at(name, s));
		}
	});

	it('near duplicates share at least 95 % but not all answers with their source', () => {
		const answers = Object.keys(data).filter((k) => !['rid', 'start_time', 'end_time', 'duration_s', 'ip', 'user_agent'].includes(k));
		for (const { i, detail } of truthRows('near-duplicate')) {
			const s = sourceOf(detail);
			const same = answers.filter((k) => Object.is(at(k, i), at(k, s))).length;
			expect(same / answers.length).toBeGreaterThanOrEqual(0.95);
			expect(at('start_time', i) as number).toBeGreaterThan(at('start_time', s) as number);
			expect((at('end_time', i) as number) - (at('start_time', i) as number)).toBe((at('duration_s', i) as number) * 1000);
			expect(same).toBeLessThan(answers.length);
		}
	});

	it('gibberish and non-answers are in the open ends the truth names', () => {
		for (const { i, detail } of [...truthRows('gibberish'), ...truthRows('non-answer')]) {
			for (const m of detail.matchAll(/(oe_\w+) ("(?:[^"\\]|\\.)*")/g)) expect(at(m[1], i)).toBe(JSON.parse(m[2]));
		}
		for (const { i } of truthRows('non-answer')) {
			expect([at('oe_like', i), at('oe_improve', i)].some((t) => NON_ANSWERS.includes(t as string))).toBe(true);
		}
	});

	it('out-of-range values are outside the declared scale', () => {
		for (const { i, detail } of truthRows('out-of-range')) {
			const [, name, value] = /^(\w+) = (-?\d+)/.exec(detail)!;
			const v = at(name, i) as number;
			expect(v).toBe(Number(value));
			if (name === 'age') expect(v < 18 || v > 99).toBe(true);
			else if (name === 'nps') expect(v < 0 || v > 10).toBe(true);
			else expect([1, 2, 3, 4, 5, 98, 99]).not.toContain(v);
		}
	});

	it('plants the cross-field problems in the data', () => {
		for (const { i, detail } of truthRows('category-variant')) {
			const [, variant, name, how] = /^country ("[^"]*") for ("[^"]*") \((.+)\)$/.exec(detail)!;
			expect(at('country', i)).toBe(JSON.parse(variant));
			expect(canonical.has(JSON.parse(variant))).toBe(false);
			expect(how).toBe(
				JSON.parse(variant).trim().toLowerCase() === JSON.parse(name).toLowerCase() ? 'case/blank variant' : 'other name or code'
			);
		}
		for (const { i } of truthRows('skip-logic')) {
			expect(at('used_support', i)).toBe(2);
			expect(Number.isNaN(at('support_sat', i))).toBe(false);
		}
		for (const { i } of truthRows('hh-children')) expect(at('hh_size', i) as number).toBeLessThan(at('n_children', i) as number);
		for (const { i } of truthRows('end-before-start')) expect(at('end_time', i) as number).toBeLessThan(at('start_time', i) as number);
		for (const { i } of truthRows('attention-fail')) expect(at('q2_attn', i)).not.toBe(6);
	});

	it('bots are fast, patterned, gibberish and from one network', () => {
		for (const { i } of truthRows('bot')) {
			expect(at('ip', i) as string).toMatch(/^185\.220\.101\./);
			expect(at('q1_2', i) as number).not.toBe(at('q1_1', i));
			expect(at('oe_like', i) as string).not.toMatch(/\s\w+\s\w+\s/);
		}
	});
});
