import type { CarelessOptions } from './types';

/** A grid as CONFIG (SPEC §7) names it: items, reversed items and factors by variable name. */
export interface GridSpec {
	items: string[];
	scale?: [number, number];
	reversed?: string[];
	factors?: Record<string, string[]>;
}

/**
 * Turns a named grid into index-based options for computeCareless; names that are not items of
 * the grid are left out and reported in `problems`.
 * @example const { options } = carelessOptionsFor({ items: ['A1', 'A2'], reversed: ['A1'], scale: [1, 6] });
 */
export function carelessOptionsFor(grid: GridSpec, psychsynCritval?: number): { options: CarelessOptions; problems: string[] } {
	const problems: string[] = [];
	const index = new Map(grid.items.map((name, j) => [name, j]));
	const lookup = (name: string, where: string): number[] => {
		const j = index.get(name);
		if (j === undefined) {
			problems.push(`${where} "${name}" is not an item of the grid`);
			return [];
		}
		return [j];
	};
	const options: CarelessOptions = {};
	if (grid.scale) options.scale = grid.scale;
	if (psychsynCritval !== undefined) options.psychsynCritval = psychsynCritval;
	if (grid.reversed) options.reversed = grid.reversed.flatMap((name) => lookup(name, 'reversed item'));
	if (grid.factors) {
		options.factors = Object.entries(grid.factors).map(([factor, names]) =>
			names.flatMap((name) => lookup(name, `item of factor ${factor}`))
		);
	}
	return { options, problems };
}
