import { about, aboutVariable, num, pct } from './finding';
import { Frag, join, rows, sql } from '../sql/frag';
import { defineCheck, type CheckContext, type Finding } from './types';

/** Question blocks: CONFIG sections, else grids and runs of variables sharing a question stem (q3_a, q3_b). */
export function sectionsOf(ctx: Pick<CheckContext, 'config' | 'roles' | 'substantive'>): { name: string; vars: string[] }[] {
	if (ctx.config.sections) return Object.entries(ctx.config.sections).map(([name, vars]) => ({ name, vars }));
	const open = new Set(ctx.roles.openEnds);
	const gridOf = new Map(ctx.roles.grids.flatMap((g) => g.items.map((i) => [i, g.name] as const)));
	const out: { name: string; vars: string[] }[] = [];
	for (const v of ctx.substantive) {
		if (open.has(v)) continue;
		const stem = gridOf.get(v) ?? /^([a-z]+\d+)[_.a-z]/i.exec(v)?.[1] ?? null;
		if (!stem) continue;
		const last = out.at(-1);
		if (last?.name === stem) last.vars.push(v);
		else out.push({ name: stem, vars: [v] });
	}
	return out.filter((s) => s.vars.length >= 3);
}

export default defineCheck({
	id: 'sections',
	version: 1,
	title: 'Section completeness',
	description: 'Completion per question block; respondents who skipped most of a block yet answered later ones.',
	category: 'completeness',
	severity: 'warning',
	needs: [],
	params: {
		minShare: {
			type: 'number',
			default: 0.5,
			min: 0,
			max: 1,
			description: 'a block is skipped when less than this share of it is answered'
		}
	},
	async run(ctx) {
		const secs = sectionsOf(ctx);
		if (secs.length < 2) return [];
		const answered = secs.map((s) =>
			join(
				s.vars.map((v) => sql`(NOT ${ctx.isMissing(v)})::INTEGER`),
				' + '
			)
		);
		const cols = join(answered.map((a, i) => sql`${a} AS ${new Frag(`s${i}`, [])}`));
		const minShare = num(ctx.params.minShare);
		const conds = secs.slice(0, -1).map(
			(s, i) =>
				new Frag(
					`(s${i} < ${Math.ceil(minShare * s.vars.length)} AND (${secs
						.slice(i + 1)
						.map((_, j) => `s${i + 1 + j}`)
						.join(' + ')}) > 0)`,
					[]
				)
		);
		const sums = join(secs.map((_, i) => new Frag(`sum(s${i}) AS t${i}`, [])));
		const [tot] = await rows<Record<string, number>>(ctx.db, sql`SELECT count(*) AS n, ${sums} FROM (SELECT ${cols} FROM data)`);
		const out: Finding[] = [];
		secs.forEach((s, i) => {
			const share = tot[`t${i}`] / (tot.n * s.vars.length);
			out.push(
				aboutVariable('sections', undefined, {
					severity: 'info',
					score: 0,
					message: `section ${s.name}: ${pct(share)} of its ${s.vars.length} questions answered`,
					evidence: { section: s.name, variables: s.vars, completion: share }
				})
			);
		});
		const hits = await rows<Record<string, number>>(
			ctx.db,
			sql`SELECT * FROM (SELECT __row AS r, ${cols} FROM data) WHERE ${join(conds, ' OR ')} ORDER BY r`
		);
		for (const h of hits) {
			const skipped = secs.filter(
				(s, i) => h[`s${i}`] < Math.ceil(minShare * s.vars.length) && secs.slice(i + 1).some((_, j) => h[`s${i + 1 + j}`] > 0)
			);
			out.push(
				about(ctx, 'sections', h.r, {
					severity: 'warning',
					score: Math.min(1, 0.3 + 0.2 * skipped.length),
					message: `skipped most of ${skipped.map((s) => `${s.name} (${h[`s${secs.indexOf(s)}`]} of ${s.vars.length} answered)`).join(', ')} but answered later sections`,
					evidence: { sections: skipped.map((s) => s.name) }
				})
			);
		}
		return out;
	}
});
