import type { Dictionary, Variable } from '../../dataset/dictionary';
import { RuleError } from './errors';

/**
 * Finds a variable by name: exact first, then a unique case-insensitive match (SPSS names are
 * case-insensitive). Unknown names get the closest known name as a suggestion.
 */
export function resolveVariable(name: string, dictionary: Dictionary, column: number): Variable {
	const exact = dictionary.variables.find((v) => v.name === name);
	if (exact) return exact;
	const lower = name.toLowerCase();
	const folded = dictionary.variables.filter((v) => v.name.toLowerCase() === lower);
	if (folded.length === 1) return folded[0];
	const suggestion = closestName(name, dictionary);
	throw new RuleError(
		`unknown variable ${JSON.stringify(name)}`,
		column,
		suggestion === null ? null : `did you mean ${JSON.stringify(suggestion)}?`
	);
}

function closestName(name: string, dictionary: Dictionary): string | null {
	const target = name.toLowerCase();
	const limit = Math.max(1, Math.ceil(target.length / 3));
	let best: string | null = null;
	let bestDistance = limit + 1;
	for (const v of dictionary.variables) {
		const d = editDistance(target, v.name.toLowerCase(), bestDistance);
		if (d < bestDistance) {
			bestDistance = d;
			best = v.name;
		}
	}
	return best;
}

/** Levenshtein distance, giving up (returning `cap`) once it must reach `cap`. */
export function editDistance(a: string, b: string, cap = Number.POSITIVE_INFINITY): number {
	if (Math.abs(a.length - b.length) >= cap) return cap;
	let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const cur = [i];
		let rowMin = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
			if (cur[j] < rowMin) rowMin = cur[j];
		}
		if (rowMin >= cap) return cap;
		prev = cur;
	}
	return Math.min(prev[b.length], cap);
}
