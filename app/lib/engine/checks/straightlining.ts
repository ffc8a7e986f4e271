import { about, num } from './finding';
import { defineCheck, type Finding } from './types';

export default defineCheck({
	id: 'straightlining',
	version: 1,
	title: 'Straight-lining',
	description: 'The same answer to (almost) every item of a grid: the longstring index on each grid.',
	category: 'attention',
	severity: 'warning',
	needs: ['grids'],
	params: {
		minItems: { type: 'number', default: 4, min: 2, description: 'only grids with at least this many items' },
		share: { type: 'number', default: 1, min: 0.5, max: 1, description: 'flag a longstring of at least this share of the grid' }
	},
	async run(ctx) {
		const grids = ctx.roles.grids.filter((g) => g.items.length >= num(ctx.params.minItems));
		const perRow = new Map<number, { grid: string; run: number; k: number; value: number }[]>();
		for (const g of grids) {
			const { rows, result } = await ctx.careless(g);
			const k = g.items.length;
			const need = Math.max(2, Math.ceil(num(ctx.params.share) * k));
			const ls = result.longstring.values;
			for (let i = 0; i < rows.length; i++) {
				if (!(ls[i] >= need)) continue;
				const list = perRow.get(rows[i]) ?? [];
				list.push({ grid: g.name, run: ls[i], k, value: NaN });
				perRow.set(rows[i], list);
			}
		}
		const out: Finding[] = [];
		for (const r of [...perRow.keys()].sort((a, b) => a - b)) {
			const hits = perRow.get(r)!;
			const share = hits.length / grids.length;
			const names = hits.map((h) => `${h.grid} (${h.run} of ${h.k})`).join(', ');
			out.push(
				about(ctx, 'straightlining', r, {
					severity: hits.length >= 2 || grids.length === 1 ? 'error' : 'warning',
					score: 0.5 + 0.5 * share,
					message: `gave the same answer in a row on ${hits.length} of ${grids.length} grid${grids.length > 1 ? 's' : ''}: ${names}`,
					evidence: { grids: hits.map((h) => ({ grid: h.grid, longstring: h.run, items: h.k })) }
				})
			);
		}
		return out;
	}
});
