import { about, fmt, num } from './finding';
import { Frag, ident, rows, sql } from '../sql/frag';
import { defineCheck, type CheckContext, type Finding } from './types';

export function durationSeconds(ctx: CheckContext): Frag | null {
	const r = ctx.roles;
	if (r.duration) return r.durationScale === 1 ? ctx.value(r.duration) : sql`(${ctx.value(r.duration)} * ${r.durationScale})`;
	if (r.start && r.end) return sql`(epoch(${ident(r.end)}) - epoch(${ident(r.start)}))`;
	return null;
}

export default defineCheck({
	id: 'speeders',
	version: 1,
	title: 'Speeders',
	description:
		'Respondents whose total duration is under a fraction of the median, and who sped through most pages when page timers exist.',
	category: 'attention',
	severity: 'error',
	needs: ['duration'],
	params: {
		fraction: { type: 'number', default: 0.3, min: 0, max: 1, description: 'flag durations under this fraction of the median' },
		pageFraction: {
			type: 'number',
			default: 0.3,
			min: 0,
			max: 1,
			description: 'a page is sped through under this fraction of its median time'
		},
		pageShare: {
			type: 'number',
			default: 0.5,
			min: 0,
			max: 1,
			description: 'flag when at least this share of timed pages were sped through'
		}
	},
	async run(ctx) {
		const out: Finding[] = [];
		const d = durationSeconds(ctx);
		const fraction = num(ctx.params.fraction);
		if (d) {
			const [{ med }] = await rows<{ med: number | null }>(ctx.db, sql`SELECT median(${d}) AS med FROM data WHERE ${d} > 0`);
			if (med && med > 0) {
				const hits = await rows<{ r: number; d: number }>(
					ctx.db,
					sql`SELECT __row AS r, ${d} AS d FROM data WHERE ${d} < ${fraction * med} ORDER BY __row`
				);
				for (const h of hits) {
					const ratio = h.d / med;
					out.push(
						about(ctx, 'speeders', h.r, {
							severity: 'error',
							score: 0.5 + 0.5 * (1 - Math.max(0, ratio) / Math.max(fraction, 1e-9)),
							message: `finished in ${fmt(h.d)} s, ${fmt(ratio)} × the median ${fmt(med)} s`,
							evidence: { duration: h.d, median: med, ratio, fraction }
						})
					);
				}
			}
		}
		const pages = ctx.roles.pageTimes;
		if (pages.length >= 2) {
			const pf = num(ctx.params.pageFraction);
			const medians = await rows<Record<string, number | null>>(
				ctx.db,
				new Frag(
					`SELECT ${pages.map((p, i) => `median(${ident(p).text}) FILTER (WHERE ${ident(p).text} > 0) AS m${i}`).join(', ')} FROM data`,
					[]
				)
			);
			const m = pages.map((_, i) => medians[0][`m${i}`] ?? 0);
			const terms = pages.map((p, i) => sql`(CASE WHEN ${ident(p)} < ${pf * m[i]} THEN 1 ELSE 0 END)`);
			let sum = terms[0];
			for (const t of terms.slice(1)) sum = sql`${sum} + ${t}`;
			const minPages = Math.max(1, Math.ceil(num(ctx.params.pageShare) * pages.length));
			const flagged = new Set(out.map((f) => f.row));
			const hits = await rows<{ r: number; k: number }>(
				ctx.db,
				sql`SELECT __row AS r, ${sum} AS k FROM data WHERE ${sum} >= ${minPages} ORDER BY __row`
			);
			for (const h of hits) {
				if (flagged.has(h.r)) continue;
				out.push(
					about(ctx, 'speeders', h.r, {
						severity: 'warning',
						score: 0.5 * (h.k / pages.length),
						message: `sped through ${h.k} of ${pages.length} timed pages (under ${fmt(pf)} × each page's median)`,
						evidence: { pages: h.k, of: pages.length, pageFraction: pf }
					})
				);
			}
		}
		return out;
	}
});
