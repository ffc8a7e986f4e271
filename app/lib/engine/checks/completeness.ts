import { about, aboutVariable, num, pct } from './finding';
import { Frag, join, rows, sql } from '../sql/frag';
import { defineCheck, type Finding } from './types';

export default defineCheck({
	id: 'completeness',
	version: 1,
	title: 'Partial completes',
	description: 'Respondents who broke off: everything after their last answer is missing. Reports the break-off point.',
	category: 'completeness',
	severity: 'warning',
	needs: [],
	params: {
		minTrailing: {
			type: 'number',
			default: 0.2,
			min: 0,
			max: 1,
			description: 'flag when at least this share of the questionnaire is missing at the end'
		}
	},
	async run(ctx) {
		const open = new Set(ctx.roles.openEnds);
		const vars = ctx.substantive.filter((v) => !open.has(v));
		if (vars.length < 3) return [];
		const last = join(vars.map((v, i) => sql`CASE WHEN NOT ${ctx.isMissing(v)} THEN ${new Frag(String(i + 1), [])} END`));
		const minTrailing = Math.max(1, Math.ceil(num(ctx.params.minTrailing) * vars.length));
		const hits = await rows<{ r: number; last: number | null }>(
			ctx.db,
			sql`SELECT __row AS r, l AS last FROM (SELECT __row, coalesce(greatest(${last}), 0) AS l FROM data) WHERE ${vars.length} - l >= ${minTrailing} ORDER BY __row`
		);
		const out: Finding[] = [];
		const points = new Map<number, number>();
		for (const h of hits) {
			const lastIdx = h.last ?? 0;
			points.set(lastIdx, (points.get(lastIdx) ?? 0) + 1);
			const answered = lastIdx === 0 ? 'answered nothing' : `broke off after ${vars[lastIdx - 1]}`;
			out.push(
				about(ctx, 'completeness', h.r, {
					severity: 'warning',
					score: 0.3 + 0.7 * ((vars.length - lastIdx) / vars.length),
					message: `${answered} (${vars.length - lastIdx} of ${vars.length} questions not reached)`,
					evidence: { lastAnswered: lastIdx ? vars[lastIdx - 1] : null, notReached: vars.length - lastIdx, of: vars.length }
				})
			);
		}
		if (hits.length) {
			const [top] = [...points.entries()].sort((a, b) => b[1] - a[1]);
			out.push(
				aboutVariable('completeness', undefined, {
					severity: 'info',
					score: 0,
					message: `${hits.length} partial completes; most broke off after ${top[0] ? vars[top[0] - 1] : 'the start'} (${pct(top[1] / hits.length)})`,
					evidence: { breakOff: Object.fromEntries([...points].map(([i, c]) => [i ? vars[i - 1] : '(none)', c])) }
				})
			);
		}
		return out;
	}
});
