import type { Dictionary } from '../../dataset/dictionary';

/** A value in a recipe: numbers for numeric and time (seconds) variables, text for strings, ISO text for dates. */
export type RecipeValue = string | number | null;

/** The value of the respondent id variable (or `__row` when the file has none). */
export type RespondentId = string | number;

export type DecisionAction = 'exclude' | 'keep' | 'set-missing' | 'recode' | 'edit-value' | 'merge-categories';

/** What a decision is about (SPEC §3). */
export type DecisionTarget =
	| { kind: 'respondent'; respondent: RespondentId }
	| { kind: 'cell'; respondent: RespondentId; variable: string }
	| { kind: 'variable'; variable: string }
	| { kind: 'category'; variable: string; values: RecipeValue[] };

/** One reviewer decision as the app stores it (SPEC §3). */
export interface Decision {
	target: DecisionTarget;
	action: DecisionAction;
	/** The new value (edit-value) or the target category (recode, merge-categories). */
	value?: RecipeValue;
	/** The value label for the target category of a recode or merge. */
	label?: string;
	reason: string;
	author: string;
	/** ISO-8601. */
	time: string;
}

interface StepNote {
	reason?: string;
	author?: string;
	time?: string;
}

export type ExcludeStep = StepNote & { action: 'exclude'; respondent: RespondentId };
export type KeepStep = StepNote & { action: 'keep'; respondent: RespondentId };
/** A cell (respondent + variable), a whole variable, or the cells holding `from` values. */
export type SetMissingStep = StepNote & { action: 'set-missing'; variable: string; respondent?: RespondentId; from?: RecipeValue[] };
export type EditValueStep = StepNote & { action: 'edit-value'; respondent: RespondentId; variable: string; value: RecipeValue };
export type RecodeStep = StepNote & {
	action: 'recode' | 'merge-categories';
	variable: string;
	from: RecipeValue[];
	to: RecipeValue;
	label?: string;
};

/** Personal data in a text variable replaced by typed placeholders (`[EMAIL]`, `[NAME]`, …); all kinds when `kinds` is absent. */
export type MaskPiiStep = StepNote & { action: 'mask-pii'; variable: string; kinds?: string[] };

export type RecipeStep = ExcludeStep | KeepStep | SetMissingStep | EditValueStep | RecodeStep | MaskPiiStep;

/** The RECIPE file of SPEC §7: the ordered decisions, replayable on another wave. */
export interface Recipe {
	version: 1;
	/** The file the recipe was made on; absent in hand-written recipes. */
	dataset?: { sha256: string };
	steps: RecipeStep[];
}

export interface SkippedStep {
	/** 0-based index into `recipe.steps`. */
	step: number;
	reason: string;
}

export interface ApplyReport {
	applied: number;
	skipped: SkippedStep[];
	/** Whether the recipe was made on this very file (by SHA-256); `unknown` when either hash is absent. */
	file?: 'same' | 'different' | 'unknown';
}

export interface ApplyResult {
	/** Name of the table or view holding the cleaned rows (with `__row`). */
	table: string;
	/** The dictionary of the cleaned data: value labels follow recodes, string widths fit edits. */
	dictionary: Dictionary;
	report: ApplyReport;
	/** `__row` of respondents a `keep` step left in, overriding their verdict. */
	kept: number[];
	rows: number;
}
