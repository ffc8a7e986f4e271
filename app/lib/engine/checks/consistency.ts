import { evaluateRule } from '../rules';
import { about, aboutVariable } from './finding';
import { rows, sql } from '../sql/frag';
import { defineCheck, type CheckContext, type Finding } from './types';

const HOUSEHOLD = /^(hh_?size|household_?size|hhsize|persons_?in_?household|hh_?members)$/i;
const CHILDREN = /^(n_?children|num_?children|number_?of_?children|children|kids|n_?kids|hh_?children)$/i;

/** Rules every survey researcher expects when the variables exist and CONFIG gives none. */
async function builtIn(ctx: CheckContext): Promise<Finding[]> {
	const find = (re: RegExp) => ctx.dictionary.variables.find((v) => v.type === 'numeric' && re.test(v.name))?.name;
	const hh = find(HOUSEHOLD);
	const ch = find(CHILDREN);
	if (!hh || !ch) return [];
	const hits = await rows<{ r: number; h: number; c: number }>(
		ctx.db,
		sql`SELECT __row AS r, ${ctx.value(hh)} AS h, ${ctx.value(ch)} AS c FROM data WHERE ${ctx.value(hh)} < ${ctx.value(ch)} ORDER BY __row`
	);
	return hits.map((x) =>
		about(ctx, 'consistency', x.r, {
			severity: 'error',
			score: 1,
			message: `${hh} ${x.h} is smaller than ${ch} ${x.c}: more children than people in the household`,
			evidence: { rule: 'household-children', when: `${hh} < ${ch}`, builtIn: true }
		})
	);
}

export default defineCheck({
	id: 'consistency',
	version: 1,
	title: 'Cross-field consistency',
	description: 'User rules over several fields (e.g. household size < number of children); each rule states the inconsistent case.',
	category: 'validity',
	severity: 'warning',
	needs: [],
	params: {},
	async run(ctx) {
		const out: Finding[] = [];
		for (const [i, rule] of (ctx.config.rules ?? []).entries()) {
			const id = rule.id ?? `rule${i + 1}`;
			let rows: Int32Array;
			try {
				rows = await evaluateRule(ctx.db, rule.when, ctx.dictionary);
			} catch (e) {
				out.push(
					aboutVariable('consistency', undefined, {
						severity: 'error',
						score: 0,
						message: `rule ${id} cannot run: ${e instanceof Error ? e.message : String(e)}`,
						evidence: { rule: id, when: rule.when }
					})
				);
				continue;
			}
			for (const r of rows)
				out.push(
					about(ctx, 'consistency', r, {
						severity: rule.severity ?? 'warning',
						score: rule.severity === 'error' ? 1 : rule.severity === 'info' ? 0.3 : 0.6,
						message: rule.message ?? `breaks rule ${id}: ${rule.when}`,
						evidence: { rule: id, when: rule.when }
					})
				);
		}
		if (!ctx.config.rules?.length) for (const finding of await builtIn(ctx)) out.push(finding);
		out.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
		return out;
	}
});
