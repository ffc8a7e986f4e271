import { about, aboutVariable, fmt, num, pct } from './finding';
import { Frag, join, rows, sql } from '../sql/frag';
import { defineCheck, type Finding } from './types';

export function sumOf(terms: Frag[]): Frag {
	return terms.length
		? join(
				terms.map((t) => sql`(${t})::INTEGER`),
				' + '
			)
		: new Frag('0', []);
}

export default defineCheck({
	id: 'missing',
	version: 1,
	title: 'Missing answers',
	description: 'Item non-response per variable and per respondent, counting system- and user-missing values.',
	category: 'completeness',
	severity: 'warning',
	needs: [],
	params: {
		variableShare: {
			type: 'number',
			default: 0.2,
			min: 0,
			max: 1,
			description: 'report variables missing for at least this share of respondents'
		},
		respondentShare: {
			type: 'number',
			default: 0.5,
			min: 0,
			max: 1,
			description: 'flag respondents missing at least this share of the answer variables'
		},
		includeOpenEnds: { type: 'boolean', default: false, description: 'count unanswered open ends too' }
	},
	async run(ctx) {
		const open = new Set(ctx.roles.openEnds);
		const vars = ctx.substantive.filter((n) => ctx.params.includeOpenEnds || !open.has(n));
		if (!vars.length) return [];
		const out: Finding[] = [];
		const perVar = join(vars.map((v, i) => sql`count(*) FILTER (WHERE ${ctx.isMissing(v)}) AS ${new Frag(`m${i}`, [])}`));
		const [agg] = await rows<Record<string, number>>(ctx.db, sql`SELECT count(*) AS n, ${perVar} FROM data`);
		const n = agg.n;
		const vShare = num(ctx.params.variableShare);
		vars.forEach((v, i) => {
			const m = agg[`m${i}`];
			if (n > 0 && m / n >= vShare)
				out.push(
					aboutVariable('missing', v, {
						severity: m === n ? 'warning' : 'info',
						score: m / n,
						message: `${v} is missing for ${m} of ${n} respondents (${pct(m / n)})`,
						evidence: { missing: m, n }
					})
				);
		});
		const count = sumOf(vars.map((v) => ctx.isMissing(v)));
		const rShare = num(ctx.params.respondentShare);
		const hits = await rows<{ r: number; m: number }>(
			ctx.db,
			sql`SELECT __row AS r, m FROM (SELECT __row, ${count} AS m FROM data) WHERE m >= ${rShare * vars.length} ORDER BY __row`
		);
		for (const h of hits)
			out.push(
				about(ctx, 'missing', h.r, {
					severity: 'warning',
					score: h.m / vars.length,
					message: `left ${h.m} of ${vars.length} questions unanswered (${pct(h.m / vars.length)})`,
					evidence: { missing: h.m, of: vars.length, share: Number(fmt(h.m / vars.length, 3)) }
				})
			);
		return out;
	}
});
