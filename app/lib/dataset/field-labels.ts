import type { Dictionary } from './dictionary';

/** A survey platform's question text as variable labels (by variable name), where the file itself gave none. */
export function withFieldLabels(dictionary: Dictionary, labels: ReadonlyMap<string, string>): Dictionary {
	return { ...dictionary, variables: dictionary.variables.map((v) => ({ ...v, label: v.label ?? labels.get(v.name) ?? null })) };
}
