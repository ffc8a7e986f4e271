import { describe, expect, it } from 'vitest';
import { CARELESS_INDEX_NAMES, computeCareless, type CarelessOptions, type IndexColumn } from '../../../../app/lib/engine/careless/index';
import reference from '../../../fixtures/careless/reference.json';
import { careless, reasons, values } from './helpers';

type Expected = (number | null)[];

function expectClose(column: IndexColumn, expected: Expected) {
	expect(column.values.length).toBe(expected.length);
	expected.forEach((want, i) => {
		const got = column.values[i];
		if (want === null) expect(Number.isNaN(got), `respondent ${i + 1} should be null, got ${got}`).toBe(true);
		else expect(Math.abs(got - want), `respondent ${i + 1}: ${got} vs ${want}`).toBeLessThan(1e-9);
	});
}

describe('computeCareless against the numpy reference (tests/fixtures/careless/reference.py)', () => {
	for (const c of reference.cases) {
		describe(c.name, () => {
			const matrix = Float64Array.from(c.matrix, (v) => (v === null ? Number.NaN : v));
			const result = computeCareless(matrix, c.n, c.k, c.options as CarelessOptions);
			const e = c.expected;

			it('longstring and longstringAvg', () => {
				expectClose(result.longstring, e.longstring);
				expectClose(result.longstringAvg, e.longstringAvg);
			});
			it('irv', () => expectClose(result.irv, e.irv));
			it('mahad, its cut-off and flags', () => {
				expectClose(result.mahad, e.mahad);
				expect(Math.abs(result.mahadCutoff - e.mahadCutoff)).toBeLessThan(1e-9);
				expect(Array.from(result.mahadFlagged)).toEqual(e.mahadFlagged);
			});
			it('evenodd', () => {
				if (e.evenodd === null) throw new Error('fixture has no factors');
				expectClose(result.evenodd, e.evenodd);
			});
			it('psychsyn pairs and scores', () => {
				expect(result.synonymPairs).toEqual(e.synonymPairs);
				expect(Array.from(result.psychsynPairCount)).toEqual(e.psychsynPairCount);
				expectClose(result.psychsyn, e.psychsyn);
			});
			it('psychant pairs and scores', () => {
				expect(result.antonymPairs).toEqual(e.antonymPairs);
				expectClose(result.psychant, e.psychant);
			});
		});
	}
});

describe('computeCareless edge cases never throw on data', () => {
	it('no respondents: empty columns', () => {
		const r = computeCareless(new Float64Array(0), 0, 5, {
			factors: [
				[0, 1],
				[2, 3]
			]
		});
		for (const name of CARELESS_INDEX_NAMES) expect(r[name].values.length).toBe(0);
	});

	it('a grid without items: every index null', () => {
		const r = computeCareless(new Float64Array(0), 3, 0);
		for (const name of CARELESS_INDEX_NAMES) expect(values(r[name])).toEqual([null, null, null]);
		expect(reasons(r.longstring)[0]).toBe('the grid has no items');
	});

	it('one respondent: longstring and irv, but no covariance for mahad and no pairs for psychsyn', () => {
		const r = careless([[1, 2, 2, 5]]);
		expect(values(r.longstring)).toEqual([2]);
		expect(values(r.mahad)).toEqual([null]);
		expect(reasons(r.mahad)[0]).toBe('item 1 has fewer than 2 answers, so its variance is unknown');
		expect(values(r.psychsyn)).toEqual([null]);
	});

	it('a matrix of the wrong size is a programming error and does throw', () => {
		expect(() => computeCareless(new Float64Array(5), 2, 3)).toThrow('matrix has 5 cells, expected 2 × 3');
	});
});
