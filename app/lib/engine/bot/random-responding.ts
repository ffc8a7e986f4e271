import { pearson } from '../careless/pearson';
import type { CheckContext } from '../checks/types';
import type { Grid } from '../roles/types';
import { fitGridModel, type GridModel } from './grid-model';
import { permutationTest, type PermutationResult } from './permutation-test';

export interface RandomResponding extends PermutationResult {
	/** `__row` of each respondent, ascending. */
	rows: Int32Array;
	/** The grids tested, and why the others were not. */
	grids: string[];
	skipped: { grid: string; reason: string }[];
	/** Per respondent, Pearson r of the answers with the item means (averaged over blocks): near 0 for a random responder. */
	personTotal: Float64Array;
}

export interface RandomRespondingOptions {
	minItems: number;
	permutations: number;
	seed: number;
}

/**
 * The permutation test over every grid of at least `minItems` items. Grids on the same scale are
 * tested as one block of items: a random responder has no reason to treat them differently, and
 * the correlations between grids (traits that show in several) are what tells a reader apart; on
 * bfi's five 5-item grids this halves the real respondents flagged. Null when no grid qualifies.
 */
export async function randomResponding(ctx: CheckContext, opts: RandomRespondingOptions): Promise<RandomResponding | null> {
	const blocks = new Map<string, { names: string[]; parts: { matrix: Float64Array; k: number }[] }>();
	const skipped: { grid: string; reason: string }[] = [];
	let rows: Int32Array | null = null;
	for (const grid of ctx.roles.grids) {
		if (grid.items.length < opts.minItems) {
			skipped.push({ grid: grid.name, reason: `fewer than ${opts.minItems} items` });
			continue;
		}
		const indices = await ctx.careless(grid);
		rows = indices.rows;
		const key = scaleKey(grid, indices.matrix);
		const block = blocks.get(key) ?? { names: [], parts: [] };
		block.names.push(grid.name);
		block.parts.push({ matrix: indices.matrix, k: grid.items.length });
		blocks.set(key, block);
	}
	if (!rows) return null;
	const n = rows.length;
	const tested: { names: string[]; matrix: Float64Array; model: GridModel }[] = [];
	for (const { names, parts } of blocks.values()) {
		const matrix = concatColumns(parts, n);
		const model = fitGridModel(matrix, n, itemCount(parts));
		if ('reason' in model) skipped.push(...names.map((grid) => ({ grid, reason: model.reason })));
		else tested.push({ names, matrix, model });
	}
	if (!tested.length) return null;
	const result = permutationTest(tested, n, {
		permutations: opts.permutations,
		seed: opts.seed,
		minAnswered: Math.ceil(opts.minItems / 2)
	});
	return { ...result, rows, grids: tested.flatMap((t) => t.names), skipped, personTotal: personTotal(tested, n) };
}

function personTotal(blocks: { matrix: Float64Array; model: GridModel }[], n: number): Float64Array {
	const out = new Float64Array(n);
	for (let r = 0; r < n; r++) {
		let sum = 0;
		let count = 0;
		for (const { matrix, model } of blocks) {
			const v = pearson(matrix.subarray(r * model.k, (r + 1) * model.k), model.means, model.k);
			if (v === v) {
				sum += v;
				count++;
			}
		}
		out[r] = count ? sum / count : NaN;
	}
	return out;
}

const itemCount = (parts: { k: number }[]) => parts.reduce((s, p) => s + p.k, 0);

function scaleKey(grid: Grid, matrix: Float64Array): string {
	if (grid.scale) return grid.scale.join('..');
	let lo = Infinity;
	let hi = -Infinity;
	for (const v of matrix)
		if (v === v) {
			if (v < lo) lo = v;
			if (v > hi) hi = v;
		}
	return `${lo}..${hi}`;
}

function concatColumns(parts: { matrix: Float64Array; k: number }[], n: number): Float64Array {
	if (parts.length === 1) return parts[0].matrix;
	const k = itemCount(parts);
	const out = new Float64Array(n * k);
	let offset = 0;
	for (const p of parts) {
		for (let r = 0; r < n; r++) out.set(p.matrix.subarray(r * p.k, (r + 1) * p.k), r * k + offset);
		offset += p.k;
	}
	return out;
}
