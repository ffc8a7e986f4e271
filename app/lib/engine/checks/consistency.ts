import { evaluateRule } from '../rules';
import { about, aboutVariable } from './finding';
import { defineCheck, type Finding } from './types';

export default defineCheck({
	id: 'consistency',
	version: 1,
	title: 'Cross-field consistency',
	description: 'User rules over several fields (e.g. household size < number of children); each rule states the inconsistent case.',
	category: 'validity',
	severity: 'warning',
	needs: ['rules'],
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
		out.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
		return out;
	}
});
