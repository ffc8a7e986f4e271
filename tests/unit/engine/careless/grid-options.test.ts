import { describe, expect, it } from 'vitest';
import { carelessOptionsFor, respondentIndices, respondentReasons } from '../../../../app/lib/engine/careless/index';
import { careless } from './helpers';

describe('carelessOptionsFor', () => {
	it('maps CONFIG names to item indexes in grid order', () => {
		const { options, problems } = carelessOptionsFor(
			{ items: ['A1', 'A2', 'B1', 'B2'], scale: [1, 6], reversed: ['B1'], factors: { A: ['A2', 'A1'], B: ['B1', 'B2'] } },
			0.5
		);
		expect(options).toEqual({
			scale: [1, 6],
			psychsynCritval: 0.5,
			reversed: [2],
			factors: [
				[1, 0],
				[2, 3]
			]
		});
		expect(problems).toEqual([]);
	});

	it('reports names outside the grid instead of guessing', () => {
		const { options, problems } = carelessOptionsFor({ items: ['A1', 'A2'], reversed: ['A3'], factors: { A: ['A1', 'Z'] } });
		expect(options.reversed).toEqual([]);
		expect(options.factors).toEqual([[0]]);
		expect(problems).toEqual(['reversed item "A3" is not an item of the grid', 'item of factor A "Z" is not an item of the grid']);
	});
});

describe('respondentIndices', () => {
	it('one respondent as the numbers sieve check writes, null with a reason where not computed', () => {
		const r = careless([
			[1, 1, 2],
			[3, null, null]
		]);
		expect(respondentIndices(r, 1)).toMatchObject({ longstring: 1, longstringAvg: 1, irv: null });
		expect(respondentReasons(r, 1).irv).toBe('fewer than 2 answers');
		expect(respondentReasons(r, 0).irv).toBeUndefined();
	});
});
