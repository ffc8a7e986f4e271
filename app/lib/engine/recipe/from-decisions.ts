import { RecipeError } from './parse';
import type { Decision, Recipe, RecipeStep } from './types';

/**
 * Turns the app's ordered decisions into a RECIPE for the dataset with this SHA-256.
 * @example const recipe = decisionsToRecipe(decisions, await blobSha256(file));
 */
export function decisionsToRecipe(decisions: readonly Decision[], sha256: string): Recipe {
	return { version: 1, dataset: { sha256 }, steps: decisions.map(toStep) };
}

function toStep(d: Decision, i: number): RecipeStep {
	const note = { reason: d.reason, author: d.author, time: d.time };
	const t = d.target;
	const bad = () => new RecipeError(`decision ${i}: "${d.action}" does not apply to a ${t.kind}`);
	switch (d.action) {
		case 'exclude':
		case 'keep':
			if (t.kind !== 'respondent') throw bad();
			return { action: d.action, respondent: t.respondent, ...note };
		case 'set-missing':
			if (t.kind === 'cell') return { action: 'set-missing', respondent: t.respondent, variable: t.variable, ...note };
			if (t.kind === 'variable') return { action: 'set-missing', variable: t.variable, ...note };
			if (t.kind === 'category') return { action: 'set-missing', variable: t.variable, from: t.values, ...note };
			throw bad();
		case 'edit-value':
			if (t.kind !== 'cell') throw bad();
			return { action: 'edit-value', respondent: t.respondent, variable: t.variable, value: d.value ?? null, ...note };
		case 'recode':
		case 'merge-categories':
			if (t.kind !== 'category') throw bad();
			if (d.value === undefined) throw new RecipeError(`decision ${i}: "${d.action}" needs the target category as its value`);
			return {
				action: d.action,
				variable: t.variable,
				from: t.values,
				to: d.value,
				...(d.label !== undefined ? { label: d.label } : {}),
				...note
			};
	}
}
