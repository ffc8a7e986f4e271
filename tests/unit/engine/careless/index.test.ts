import { describe, expect, it } from 'vitest';
import { computeCareless, type CarelessOptions, type IndexColumn } from '../../../../app/lib/engine/careless/index';
import reference from '../../../fixtures/careless/reference.json';

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
