import { evaluateSkipRule } from '../rules';
import { about, aboutVariable, num, pct } from './finding';
import { ident, rows, sql } from '../sql/frag';
import { defineCheck, type CheckContext, type Finding } from './types';

export default defineCheck({
	id: 'skip-logic',
	version: 1,
	title: 'Skip logic',
	description:
		'Answers to questions that routing should have skipped, and missing answers to questions that were asked. Routing comes from CONFIG ("q5 asked if q4 = 1") or is inferred from filter questions whose answer decides whether a later question is answered.',
	category: 'validity',
	severity: 'warning',
	needs: [],
	params: {
		infer: { type: 'boolean', default: true, description: 'infer routing from the data when CONFIG gives none' },
		purity: {
			type: 'number',
			default: 0.9,
			min: 0.5,
			max: 1,
			description: 'an inferred route must hold for at least this share of respondents'
		}
	},
	async run(ctx) {
		const out: Finding[] = [];
		const skips = ctx.config.skips ?? [];
		for (const text of skips) {
			let v;
			try {
				v = await evaluateSkipRule(ctx.db, text, ctx.dictionary);
			} catch (e) {
				out.push(
					aboutVariable('skip-logic', undefined, {
						severity: 'error',
						score: 0,
						message: `routing "${text}" cannot run: ${e instanceof Error ? e.message : String(e)}`
					})
				);
				continue;
			}
			const q = text.split(/\s+/)[0];
			for (const r of v.answeredWhenSkipped)
				out.push(
					about(ctx, 'skip-logic', r, {
						variable: q,
						severity: 'warning',
						score: 0.6,
						message: `${q} answered although routing skips it (${text})`,
						evidence: { rule: text, kind: 'answered-when-skipped' }
					})
				);
			for (const r of v.missingWhenAsked)
				out.push(
					about(ctx, 'skip-logic', r, {
						variable: q,
						severity: 'info',
						score: 0.3,
						message: `${q} missing although it was asked (${text})`,
						evidence: { rule: text, kind: 'missing-when-asked' }
					})
				);
		}
		if (!skips.length && ctx.params.infer) for (const finding of await inferred(ctx)) out.push(finding);
		out.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
		return out;
	}
});

/**
 * A later question answered by only part of the sample, whose answered/not-answered split is
 * decided (to `purity`) by the value of an earlier closed question with few codes.
 */
async function inferred(ctx: CheckContext): Promise<Finding[]> {
	const vars = ctx.substantive.filter((n) => !ctx.roles.openEnds.includes(n));
	const dict = new Map(ctx.dictionary.variables.map((v) => [v.name, v]));
	const numeric = vars.filter((n) => dict.get(n)!.type === 'numeric');
	const shares = await rows<Record<string, number>>(
		ctx.db,
		sql`SELECT count(*) AS n, ${joinAll([
			...vars.map((v, i) => sql`count(*) FILTER (WHERE ${ctx.isMissing(v)}) AS ${ident('m' + i)}`),
			...numeric.map(
				(v, i) =>
					sql`approx_count_distinct(${ctx.value(v)}) AS ${ident('d' + i)}, count(*) FILTER (WHERE ${ctx.value(v)} <> round(${ctx.value(v)})) AS ${ident('f' + i)}`
			)
		])} FROM data`
	);
	// filter questions: closed, with 2–12 codes (value labels when the file has them, else observed)
	const filters = numeric.filter((n, i) => {
		const labels = Object.keys(dict.get(n)!.valueLabels).length;
		const d = shares[0]['d' + i];
		return (labels >= 2 && labels <= 12) || (labels === 0 && d >= 2 && d <= 12 && shares[0]['f' + i] === 0);
	});
	if (!filters.length) return [];
	const n = shares[0].n;
	const purity = num(ctx.params.purity);
	const out: Finding[] = [];
	const gridItems = new Set(ctx.roles.grids.flatMap((g) => g.items));
	for (const [qi, q] of vars.entries()) {
		const miss = shares[0]['m' + qi] / Math.max(1, n);
		if (miss < 0.1 || miss > 0.9 || gridItems.has(q)) continue;
		const before = filters.filter((f) => vars.indexOf(f) < qi).reverse();
		if (!before.length) continue;
		const fv = before.map((_, j) => ident(`f${j}`));
		// one scan per question: every earlier filter's split as a grouping set, nearest filter first
		const grouped = await rows<Record<string, number | null>>(
			ctx.db,
			sql`SELECT ${joinAll(fv)}, count(*) AS n, count(*) FILTER (WHERE NOT m) AS a
			    FROM (SELECT ${joinAll(before.map((f, j) => sql`${ctx.value(f)} AS ${fv[j]}`))}, ${ctx.isMissing(q)} AS m FROM data)
			    GROUP BY GROUPING SETS (${joinAll(fv.map((v) => sql`(${v})`))})`
		);
		for (const [j, f] of before.entries()) {
			const groups = grouped
				.filter((g) => g[`f${j}`] !== null && before.every((_, o) => o === j || g[`f${o}`] === null))
				.map((g) => ({ c: g[`f${j}`] as number, n: g.n as number, a: g.a as number }));
			const asked = groups.filter((g) => g.a / g.n >= purity).map((g) => g.c);
			const skipped = groups.filter((g) => g.a / g.n <= 1 - purity).map((g) => g.c);
			if (!asked.length || !skipped.length || asked.length + skipped.length < groups.length) continue;
			const total = groups.reduce((s, g) => s + g.n, 0);
			if (total < 50) continue;
			const bad = await rows<{ r: number; c: number }>(
				ctx.db,
				sql`SELECT __row AS r, ${ctx.value(f)} AS c FROM data WHERE NOT ${ctx.isMissing(q)} AND ${ctx.value(f)} IN (${joinAll(skipped.map((s) => sql`${s}`))}) ORDER BY __row`
			);
			const rule = `${q} asked if ${f} in (${asked.join(', ')})`;
			out.push(
				aboutVariable('skip-logic', q, {
					severity: 'info',
					score: 0,
					message: `inferred routing: ${rule} (holds for ${pct(1 - bad.length / total)})`,
					evidence: { rule, inferred: true }
				})
			);
			for (const b of bad)
				out.push(
					about(ctx, 'skip-logic', b.r, {
						variable: q,
						severity: 'warning',
						score: 0.6,
						message: `${q} answered although ${f} = ${b.c} (inferred routing: ${rule})`,
						evidence: { rule, inferred: true, kind: 'answered-when-skipped' }
					})
				);
			break;
		}
	}
	return out;
}

function joinAll(f: ReturnType<typeof sql>[]) {
	return f.reduce((a, b) => sql`${a}, ${b}`);
}
