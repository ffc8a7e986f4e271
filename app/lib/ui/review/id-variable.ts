import type { Dictionary } from '$lib/dataset/dictionary';

const FALLBACK = /^(id|rid|respondent_id)$/i;

/**
 * The variable whose values key decisions: the id role, else a variable named id / rid /
 * respondent_id (the same order as engine/recipe/id-variable.ts minus its async detection),
 * else none and the row number is the key.
 */
export function idVariableOf(dictionary: Dictionary): string | null {
	return dictionary.variables.find((v) => v.role === 'id')?.name ?? dictionary.variables.find((v) => FALLBACK.test(v.name))?.name ?? null;
}
