import { describe, expect, it } from 'vitest';
import { generateDemo, PLANTED_KINDS, type PlantedKind } from '../../../app/lib/demo/index';
import { COUNTRIES } from '../../../app/lib/demo/countries';
import { NON_ANSWERS } from '../../../app/lib/demo/phrases';
import { materialize, median, pearson, type Value } from './materialize';

const demo = generateDemo({ rows: 2000, seed: 7 });
const data = materialize(demo);
const n = demo.rows;
const rowOf = new Map<number, number>(data.rid.map((rid, i) => [rid as number, i]));
const durations = data.duration_s as number[];
const med = median(durations);
const grids = demo.config.grids;
const canonical = new Set(COUNTRIES.map((c) => c.name));
const plantedKind = new Map<number, PlantedKind>(demo.truth.map((t) => [t.rid, t.kind]));
const cleanRows = data.rid.flatMap((rid, i) => (plantedKind.has(rid as number) ? [] : [i]));

function at(name: string, i: number): Value {
	return data[name][i];
}
function straight(i: number, items: string[]): boolean {
	return items.every((it) => at(it, i) === at(items[0], i));
}
function sourceOf(detail: string): number {
	const m = /copy of rid (\d+)/.exec(detail);
	if (!m) throw new Error(`no source in ${detail}`);
	return rowOf.get(Number(m[1]))!;
}
function truthRows(kind: PlantedKind): { i: number; detail: string }[] {
	return demo.truth.filter((t) => t.kind === kind).map((t) => ({ i: rowOf.get(t.rid)!, detail: t.detail }));
}

describe('generateDemo', () => {
	it('has the core questionnaire with a dictionary for every column', () => {
		expect(demo.dictionary.variables).toHaveLength(40);
		expect(data.rid).toHaveLength(2000);
		expect(new Set(data.rid).size).toBe(2000);
		expect(data.rid.some((rid, i) => rid !== i + 1)).toBe(true);
		const q1 = demo.dictionary.variables.find((v) => v.name === 'q1_1')!;
		expect(q1.valueLabels['98']).toBe("Don't know");
		expect(q1.missing.values).toContain(98);
		expect(demo.dictionary.variables.find((v) => v.name === 'rid')!.role).toBe('id');
		expect(demo.config.skips).toEqual(['support_sat asked if used_support = 1']);
		expect(demo.config.fieldwork).toEqual({ start: '2026-03-02', end: '2026-03-30' });
	});

	it('pads with importance grids up to --cols', () => {
		const wide = generateDemo({ rows: 10, cols: 60 });
		expect(wide.dictionary.variables).toHaveLength(60);
		expect(wide.config.grids.map((g) => g.name)).toEqual(['q1', 'q2', 'q3', 'q4']);
		expect(() => generateDemo({ cols: 39 })).toThrow(/cols/);
	});

	it('is deterministic per seed and independent of the slice size', () => {
		const a = materialize(generateDemo({ rows: 500, seed: 11 }));
		const b = materialize(generateDemo({ rows: 500, seed: 11, sliceRows: 77 }));
		const c = materialize(generateDemo({ rows: 500, seed: 12 }));
		expect(b).toEqual(a);
		expect(c.duration_s).not.toEqual(a.duration_s);
		expect(c.oe_like).not.toEqual(a.oe_like);
		expect(generateDemo({ rows: 500, seed: 11 }).truth).toEqual(generateDemo({ rows: 500, seed: 11 }).truth);
	});

	it('plants every kind with round(rate × rows) disjoint respondents', () => {
		for (const kind of PLANTED_KINDS) expect(truthRows(kind)).toHaveLength(60);
		expect(new Set(demo.truth.map((t) => t.rid)).size).toBe(demo.truth.length);
		const custom = generateDemo({ rows: 1000, rates: { speeder: 0.1, bot: 0 } });
		expect(custom.truth.filter((t) => t.kind === 'speeder')).toHaveLength(100);
		expect(custom.truth.filter((t) => t.kind === 'bot')).toHaveLength(0);
		expect(() => generateDemo({ rows: 100, rates: { speeder: 0.7, bot: 0.7 } })).toThrow(/clean/);
	});

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
			expect(how).toBe(JSON.parse(variant).trim().toLowerCase() === JSON.parse(name).toLowerCase() ? 'case/blank variant' : 'other name or code');
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

	it('clean respondents look clean', () => {
		expect(cleanRows.length).toBe(n - 13 * 60);
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
		expect(pearson(sat.map((i) => at('q1_1', i) as number), sat.map((i) => at('q1_2', i) as number))).toBeGreaterThan(0.3);
		expect(pearson(col('nps'), col('q1_4').map((v) => (v === 98 ? 3 : v)))).toBeGreaterThan(0.3);
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
