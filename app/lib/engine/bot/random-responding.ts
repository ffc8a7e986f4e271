import type { CheckContext } from '../checks/types';
import type { Grid } from '../roles/types';
import type { EvidenceBlock } from './evidence';
import { fitGridModel } from './grid-model';
import { permutationTest, type PermutationResult } from './permutation-test';

export interface RandomResponding extends PermutationResult {
	/** `__row` of each respondent, ascending. */
	rows: Int32Array;
	/** The grids tested, and why the others were not. */
	grids: string[];
	skipped: { grid: string; reason: string }[];
	/** The blocks of items tested, one per answer scale. */
	blocks: EvidenceBlock[];
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
	const blocks = new Map<string, { names: string[]; scale: [number, number]; parts: { matrix: Float64Array; k: number }[] }>();
	const skipped: { grid: string; reason: string }[] = [];
	let rows: Int32Array | null = null;
	for (const grid of ctx.roles.grids) {
		if (grid.items.length < opts.minItems) {
			skipped.push({ grid: grid.name, reason: `fewer than ${opts.minItems} items` });
			continue;
		}
		const indices = await ctx.careless(grid);
		rows = indices.rows;
		const scale = scaleOf(grid, indices.matrix);
		const key = scale.join('..');
		const block = blocks.get(key) ?? { names: [], scale, parts: [] };
		block.names.push(grid.name);
		block.parts.push({ matrix: indices.matrix, k: grid.items.length });
		blocks.set(key, block);
	}
	if (!rows) return null;
	const n = rows.length;
	const tested: (EvidenceBlock & { names: string[] })[] = [];
	for (const { names, scale, parts } of blocks.values()) {
		const matrix = concatColumns(parts, n);
		const model = fitGridModel(matrix, n, itemCount(parts));
		if ('reason' in model) skipped.push(...names.map((grid) => ({ grid, reason: model.reason })));
		else tested.push({ names, matrix, model, scale });
	}
	if (!tested.length) return null;
	const result = permutationTest(tested, n, {
		permutations: opts.permutations,
		seed: opts.seed,
		minAnswered: Math.ceil(opts.minItems / 2)
	});
	return { ...result, rows, grids: tested.flatMap((t) => t.names), skipped, blocks: tested };
}

const itemCount = (parts: { k: number }[]) => parts.reduce((s, p) => s + p.k, 0);

function scaleOf(grid: Grid, matrix: Float64Array): [number, number] {
	if (grid.scale) return [grid.scale[0], grid.scale[1]];
	let lo = Infinity;
	let hi = -Infinity;
	for (const v of matrix)
		if (v === v) {
			if (v < lo) lo = v;
			if (v > hi) hi = v;
		}
	return [lo, hi];
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
