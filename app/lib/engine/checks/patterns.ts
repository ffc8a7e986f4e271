import { about, num } from './finding';
import { defineCheck, type Finding } from './types';

export type Pattern = 'diagonal' | 'zig-zag' | 'alternating' | 'extreme-only' | 'midpoint-only';

/** The response pattern of one complete row of a grid, or null. Straight lines are the straightlining check's. */
export function patternOf(x: ArrayLike<number>, scale: [number, number] | null): Pattern | null {
	const k = x.length;
	for (let i = 0; i < k; i++) if (Number.isNaN(x[i])) return null;
	let same = true;
	for (let i = 1; i < k; i++) if (x[i] !== x[0]) same = false;
	if (scale) {
		const [lo, hi] = scale;
		const mid = (lo + hi) / 2;
		if (same) return Number.isInteger(mid) && x[0] === mid ? 'midpoint-only' : null;
		let extremes = true;
		for (let i = 0; i < k; i++) if (x[i] !== lo && x[i] !== hi) extremes = false;
		if (extremes && hi - lo >= 2) {
			let alt = true;
			for (let i = 2; i < k; i++) if (x[i] !== x[i - 2]) alt = false;
			if (!alt) return 'extreme-only';
		}
	}
	if (same) return null;
	const span = scale ? scale[1] - scale[0] : NaN;
	for (const dir of [1, -1]) {
		let ok = true;
		for (let i = 1; i < k; i++) {
			const d = x[i] - x[i - 1];
			if (d !== dir && d !== -dir * span) ok = false;
		}
		if (ok) return 'diagonal';
	}
	let alt = x[0] !== x[1];
	for (let i = 2; i < k; i++) if (x[i] !== x[i - 2]) alt = false;
	if (alt) return 'alternating';
	let turns = 0;
	let zig = true;
	for (let i = 1; i < k; i++) {
		const d = x[i] - x[i - 1];
		if (Math.abs(d) !== 1) zig = false;
		if (i > 1 && Math.sign(d) !== Math.sign(x[i - 1] - x[i - 2])) turns++;
	}
	if (zig && turns >= 2) return 'zig-zag';
	return null;
}

export default defineCheck({
	id: 'patterns',
	version: 1,
	title: 'Response patterns',
	description: 'Patterned answers across a grid: diagonal (1-2-3-4-5), zig-zag, alternating, extremes only, midpoint only.',
	category: 'attention',
	severity: 'warning',
	needs: ['grids'],
	params: {
		minItems: { type: 'number', default: 5, min: 3, description: 'only grids with at least this many items' }
	},
	async run(ctx) {
		const grids = ctx.roles.grids.filter((g) => g.items.length >= num(ctx.params.minItems));
		const perRow = new Map<number, { grid: string; pattern: Pattern }[]>();
		for (const g of grids) {
			const { matrix, rows: rowIds } = await ctx.careless(g);
			const k = g.items.length;
			const n = rowIds.length;
			for (let i = 0; i < n; i++) {
				const p = patternOf(matrix.subarray(i * k, i * k + k), g.scale);
				if (!p) continue;
				const list = perRow.get(rowIds[i]) ?? [];
				list.push({ grid: g.name, pattern: p });
				perRow.set(rowIds[i], list);
			}
		}
		const out: Finding[] = [];
		for (const r of [...perRow.keys()].sort((a, b) => a - b)) {
			const hits = perRow.get(r)!;
			const weak = hits.every((h) => h.pattern === 'midpoint-only' || h.pattern === 'extreme-only');
			out.push(
				about(ctx, 'patterns', r, {
					severity: weak ? 'info' : 'warning',
					score: (weak ? 0.3 : 0.6) + 0.4 * (hits.length / grids.length),
					message: `patterned answers: ${hits.map((h) => `${h.pattern} on ${h.grid}`).join(', ')}`,
					evidence: { patterns: hits }
				})
			);
		}
		return out;
	}
});
