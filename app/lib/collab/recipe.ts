import type { Decision as RecipeDecision, DecisionTarget as RecipeTarget } from '../engine/recipe/types';
import type { Decision } from './types';

/**
 * The doc's decisions in the recipe engine's shape (engine/recipe `decisionsToRecipe` takes these),
 * in doc order. Sent-back decisions never apply; proposed ones only when `approvedOnly` is false.
 */
export function toRecipeDecisions(decisions: readonly Decision[], opts: { approvedOnly?: boolean } = {}): RecipeDecision[] {
	return decisions
		.filter((d) => d.status === 'approved' || (d.status === 'proposed' && !opts.approvedOnly))
		.map((d) => {
			const recode = d.action === 'recode' || d.action === 'merge-categories';
			return {
				target: recipeTarget(d),
				action: d.action,
				...(d.action === 'edit-value' ? { value: d.value ?? null } : recode ? { value: d.to ?? null } : {}),
				reason: d.reason,
				author: d.author,
				time: d.time
			};
		});
}

function recipeTarget(d: Decision): RecipeTarget {
	const { respondent, variable } = d.target;
	const codes = d.from ?? d.target.category;
	if (variable !== undefined && codes?.length) return { kind: 'category', variable, values: codes };
	if (respondent !== undefined && variable !== undefined) return { kind: 'cell', respondent, variable };
	if (respondent !== undefined) return { kind: 'respondent', respondent };
	return { kind: 'variable', variable: variable ?? '' };
}
