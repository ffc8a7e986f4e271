import type { Recipe, RecipeValue } from '../recipe/types';
import type { CleaningSummary } from './types';

const NO_REASON = 'no reason given';

function tally(keys: string[]): { key: string; count: number }[] {
	const m = new Map<string, number>();
	for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
	return [...m].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

const show = (v: RecipeValue) => (v === null ? 'missing' : String(v));

/** What the recipe does, counted: exclusions per reason, cells per variable, recodes, steps per author. */
export function cleaningSummary(recipe: Recipe): CleaningSummary {
	const steps = recipe.steps;
	// the last exclude or keep of a respondent decides, as the replay does
	const last = new Map<string, string | undefined>();
	for (const s of steps)
		if (s.action === 'exclude' || s.action === 'keep') last.set(String(s.respondent), s.action === 'exclude' ? s.reason : '\0keep');
	const removed = [...last.values()].filter((r) => r !== '\0keep');
	const changed = new Map<string, { variable: string; setMissing: number; edited: number }>();
	const at = (variable: string) => {
		let c = changed.get(variable);
		if (!c) changed.set(variable, (c = { variable, setMissing: 0, edited: 0 }));
		return c;
	};
	for (const s of steps) {
		if (s.action === 'set-missing') at(s.variable).setMissing++;
		else if (s.action === 'edit-value') at(s.variable).edited++;
	}
	return {
		removedByReason: tally(removed.map((r) => r?.trim() || NO_REASON)).map(({ key, count }) => ({ reason: key, count })),
		changedByVariable: [...changed.values()].sort((a, b) => a.variable.localeCompare(b.variable)),
		recodes: steps.flatMap((s) =>
			s.action === 'recode' || s.action === 'merge-categories'
				? [{ variable: s.variable, from: s.from.map(show).join(', '), to: show(s.to), reason: s.reason?.trim() || NO_REASON }]
				: []
		),
		byAuthor: tally(steps.map((s) => s.author?.trim() || 'unknown')).map(({ key, count }) => ({ author: key, steps: count })),
		steps
	};
}
