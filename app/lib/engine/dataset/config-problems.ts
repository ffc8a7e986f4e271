import type { Dictionary } from '../../dataset/dictionary';
import type { SieveConfig } from '../checks/config';
import { parseRule, parseSkipRule } from '../rules';

/**
 * What in a CONFIG does not fit this file: rules and routing that do not parse against its
 * variables, and names of variables it does not have. One message per problem, naming the field.
 */
export function configProblems(dictionary: Dictionary, config: SieveConfig): string[] {
	const out: string[] = [];
	const known = new Set(dictionary.variables.map((v) => v.name));
	const name = (field: string, v: string) => {
		if (!known.has(v)) out.push(`${field}: "${v}" is not a variable of the file`);
	};
	(config.rules ?? []).forEach((r, i) => {
		try {
			parseRule(r.when, dictionary);
		} catch (e) {
			out.push(`rules[${i}] ${JSON.stringify(r.id)}: ${ruleMessage(e)}`);
		}
	});
	(config.skips ?? []).forEach((s, i) => {
		try {
			parseSkipRule(s, dictionary);
		} catch (e) {
			out.push(`skips[${i}] ${JSON.stringify(s)}: ${ruleMessage(e)}`);
		}
	});
	(config.grids ?? []).forEach((g, i) => g.items.forEach((item) => name(`grids[${i}] "${g.name}" item`, item)));
	(config.openEnds ?? []).forEach((v, i) => name(`openEnds[${i}]`, v));
	for (const v of Object.keys(config.ranges ?? {})) name('ranges', v);
	(config.attentionChecks ?? []).forEach((a, i) => name(`attentionChecks[${i}]`, a.variable));
	for (const [section, vars] of Object.entries(config.sections ?? {})) vars.forEach((v) => name(`sections.${section}`, v));
	return out;
}

function ruleMessage(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}
