import type { Dictionary, Variable, VarType } from '../../dataset/dictionary';
import { ROW_COLUMN } from '../../io/arrow-ipc';
import type { SqlValue } from '../sql/db';
import { coerceRespondent, coerceValue } from './coerce';
import { recodeLabels } from './recode-labels';
import type { Recipe, RecipeValue, SkippedStep } from './types';
import type { PiiKind } from '../../text/pii';

/** One SQL change to the cleaned table, in recipe order. */
export type Op =
	| { kind: 'cells'; variable: Variable; edits: Map<number, SqlValue> }
	| { kind: 'recode'; variable: Variable; from: SqlValue[]; to: SqlValue }
	| { kind: 'clear'; variable: Variable }
	| { kind: 'mask'; variable: Variable; kinds: PiiKind[] | undefined };

export interface Plan {
	ops: Op[];
	/** Final state per `__row` after every exclude / keep (last step wins). */
	excluded: Map<number, boolean>;
	skipped: SkippedStep[];
	applied: number;
	dictionary: Dictionary;
}

export interface PlanInput {
	recipe: Recipe;
	dictionary: Dictionary;
	idVariable: string;
	/** `__row`s per respondent id (String(id)) as found in the data. */
	rowsOf: Map<string, number[]>;
}

/** The id type used to match respondents, `row` for `__row`. */
export function idTypeOf(dictionary: Dictionary, idVariable: string): VarType | 'row' {
	if (idVariable === ROW_COLUMN) return 'row';
	const v = dictionary.variables.find((x) => x.name === idVariable);
	if (!v) throw new Error(`id variable "${idVariable}" is not in the dataset`);
	return v.type;
}

/** Every respondent id the recipe names, as the id column holds it. */
export function recipeRespondents(recipe: Recipe, idType: VarType | 'row'): SqlValue[] {
	return recipe.steps.flatMap((s) =>
		'respondent' in s && s.respondent !== undefined ? [coerceRespondent(idType, s.respondent) ?? null] : []
	);
}

/**
 * Checks each step against this dataset and turns the ones that fit into ops; the rest are
 * reported with the reason, so a recipe from one wave replays on the next.
 */
export function planRecipe({ recipe, dictionary, idVariable, rowsOf }: PlanInput): Plan {
	const idType = idTypeOf(dictionary, idVariable);
	const variables = new Map(dictionary.variables.map((v) => [v.name, { ...v }]));
	const ops: Op[] = [];
	const excluded = new Map<number, boolean>();
	const skipped: SkippedStep[] = [];
	let applied = 0;

	const rows = (step: number, id: string | number): number[] | null => {
		const key = coerceRespondent(idType, id);
		const found = key === undefined ? undefined : rowsOf.get(String(key));
		if (!found) skipped.push({ step, reason: `respondent ${JSON.stringify(id)} is not in the dataset` });
		return found ?? null;
	};
	const variable = (step: number, name: string): Variable | null => {
		const v = variables.get(name);
		if (!v) skipped.push({ step, reason: `variable "${name}" is not in the dataset` });
		else if (name === idVariable) skipped.push({ step, reason: `"${name}" is the respondent id variable, which a recipe does not change` });
		else return v;
		return null;
	};
	const values = (step: number, v: Variable, xs: RecipeValue[]): SqlValue[] | null => {
		const out: SqlValue[] = [];
		for (const x of xs) {
			const c = coerceValue(v, x);
			if (!c.ok) {
				skipped.push({ step, reason: c.reason });
				return null;
			}
			out.push(c.value);
		}
		return out;
	};
	const setCells = (v: Variable, targets: number[], x: SqlValue) => {
		const last = ops.at(-1);
		const op = last?.kind === 'cells' && last.variable === v ? last : null;
		const edits = op?.edits ?? new Map<number, SqlValue>();
		for (const r of targets) edits.set(r, x);
		if (!op) ops.push({ kind: 'cells', variable: v, edits });
	};

	recipe.steps.forEach((s, i) => {
		switch (s.action) {
			case 'exclude':
			case 'keep': {
				const r = rows(i, s.respondent);
				if (!r) return;
				for (const row of r) excluded.set(row, s.action === 'exclude');
				break;
			}
			case 'set-missing': {
				const v = variable(i, s.variable);
				if (!v) return;
				if (s.respondent !== undefined) {
					const r = rows(i, s.respondent);
					if (!r) return;
					setCells(v, r, null);
				} else if (s.from) {
					const from = values(i, v, s.from);
					if (!from) return;
					ops.push({ kind: 'recode', variable: v, from, to: null });
				} else ops.push({ kind: 'clear', variable: v });
				break;
			}
			case 'edit-value': {
				const v = variable(i, s.variable);
				if (!v) return;
				const x = values(i, v, [s.value]);
				if (!x) return;
				const r = rows(i, s.respondent);
				if (!r) return;
				setCells(v, r, x[0]);
				break;
			}
			case 'recode':
			case 'merge-categories': {
				const v = variable(i, s.variable);
				if (!v) return;
				const xs = values(i, v, [...s.from, s.to]);
				if (!xs) return;
				const to = xs.pop() as SqlValue;
				ops.push({ kind: 'recode', variable: v, from: xs, to });
				v.valueLabels = recodeLabels(v, xs, to, s.label);
				break;
			}
			case 'mask-pii': {
				const v = variable(i, s.variable);
				if (!v) return;
				if (v.type !== 'string') {
					skipped.push({ step: i, reason: `"${v.name}" is not a text variable, so it holds no personal data to mask` });
					return;
				}
				ops.push({ kind: 'mask', variable: v, kinds: s.kinds as PiiKind[] | undefined });
				break;
			}
		}
		applied++;
	});
	return {
		ops,
		excluded,
		skipped,
		applied,
		dictionary: { ...dictionary, variables: dictionary.variables.map((v) => variables.get(v.name)!) }
	};
}
