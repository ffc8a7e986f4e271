import type { CheckContext } from '../checks/types';
import { fitGridModel, type GridModel } from './grid-model';
import { permutationTest, type PermutationResult } from './permutation-test';

export interface RandomResponding extends PermutationResult {
	/** `__row` of each respondent, ascending. */
	rows: Int32Array;
	/** The grids tested, and why the others were not. */
	grids: string[];
	skipped: { grid: string; reason: string }[];
}

export interface RandomRespondingOptions {
	minItems: number;
	permutations: number;
	seed: number;
}

/** The permutation test over every grid of at least `minItems` items; null when no grid qualifies. */
export async function randomResponding(ctx: CheckContext, opts: RandomRespondingOptions): Promise<RandomResponding | null> {
	const tested: { name: string; matrix: Float64Array; model: GridModel }[] = [];
	const skipped: { grid: string; reason: string }[] = [];
	let rows: Int32Array | null = null;
	for (const grid of ctx.roles.grids) {
		if (grid.items.length < opts.minItems) {
			skipped.push({ grid: grid.name, reason: `fewer than ${opts.minItems} items` });
			continue;
		}
		const indices = await ctx.careless(grid);
		const n = indices.rows.length;
		const model = fitGridModel(indices.matrix, n, grid.items.length);
		if ('reason' in model) {
			skipped.push({ grid: grid.name, reason: model.reason });
			continue;
		}
		rows = indices.rows;
		tested.push({ name: grid.name, matrix: indices.matrix, model });
	}
	if (!rows) return null;
	const result = permutationTest(tested, rows.length, {
		permutations: opts.permutations,
		seed: opts.seed,
		minAnswered: Math.ceil(opts.minItems / 2)
	});
	return { ...result, rows, grids: tested.map((t) => t.name), skipped };
}
