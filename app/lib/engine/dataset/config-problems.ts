import type { Dictionary } from '../../dataset/dictionary';
import type { SieveConfig } from '../checks/config';
import { configVariables } from '../checks/config-variables';
import { parseRule, parseSkipRule } from '../rules';

/**
 * What in a CONFIG does not fit this file: rules and routing that do not parse against its
 * variables, and names of variables it does not have (which the roles then leave out). One message per problem, naming the field.
 */
export function configProblems(dictionary: Dictionary, config: SieveConfig): string[] {
	const out: string[] = [];
	const known = new Set(dictionary.variables.map((v) => v.name));
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
	for (const { field, name } of configVariables(config))
		if (!known.has(name)) out.push(`${field}: "${name}" is not a variable of the file`);
	return out;
}

function ruleMessage(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}
