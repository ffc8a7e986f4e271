import { describe, expect, it } from 'vitest';
import { generateDemo, PLANTED_KINDS } from '../../../app/lib/demo/index';
import { demoFixture } from './fixture';
import { materialize } from './materialize';

const { demo, data, truthRows } = demoFixture({ rows: 2000, seed: 7 });

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
});
