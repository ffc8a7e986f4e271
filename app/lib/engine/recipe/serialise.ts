import type { Recipe, RecipeStep } from './types';

const KEY_ORDER = ['action', 'respondent', 'variable', 'from', 'to', 'value', 'label', 'reason', 'author', 'time'];

/** The RECIPE file's text: one step per line, keys in a fixed order, so diffs between versions stay readable. */
export function serialiseRecipe(recipe: Recipe): string {
	const steps = recipe.steps.map((s) => `    ${JSON.stringify(ordered(s))}`);
	const dataset = recipe.dataset ? ` "dataset": { "sha256": ${JSON.stringify(recipe.dataset.sha256)} },` : '';
	const head = `{ "version": 1,${dataset}\n  "steps": [`;
	return steps.length ? `${head}\n${steps.join(',\n')}\n  ] }\n` : `${head}] }\n`;
}

function ordered(step: RecipeStep): Record<string, unknown> {
	const src = step as unknown as Record<string, unknown>;
	const out: Record<string, unknown> = {};
	for (const k of KEY_ORDER) if (src[k] !== undefined) out[k] = src[k];
	return out;
}
