import { z } from 'zod';

/**
 * The CONFIG file of SPEC §7 as a schema: the app's Setup and the `sieve` command line validate
 * with this one definition, and the TypeScript types are inferred from it. Unknown keys are errors,
 * so a misspelt "grid" is reported instead of silently ignored.
 */
const variable = z.string().min(1, 'must be a variable name');
const severity = z.enum(['info', 'warning', 'error']);
const answer = z.union([z.number(), z.string()]);

export const gridSchema = z.strictObject({
	name: z.string().min(1),
	items: z.array(variable).min(1),
	scale: z.tuple([z.number(), z.number()]).optional(),
	reversed: z.array(variable).optional(),
	factors: z.record(z.string(), z.array(variable)).optional()
});

/** A cross-field rule: `when` is the condition that marks a respondent as inconsistent. */
export const ruleSchema = z.strictObject({
	id: z.string().min(1),
	when: z.string().min(1),
	severity: severity.optional(),
	message: z.string().optional()
});

export const attentionSchema = z.strictObject({
	variable,
	/** Answer(s) that pass. */
	expected: z.union([answer, z.array(answer)])
});

/** An open end that explains a rating (`closed-open`): the rating's scale defaults to its observed range. */
export const openEndPairSchema = z.strictObject({
	openEnd: variable,
	rating: variable,
	scale: z.tuple([z.number(), z.number()]).optional()
});

export const paramValueSchema = z.union([z.number(), z.boolean(), z.string(), z.array(z.string()), z.null()]);

export const configSchema = z.strictObject({
	/** The respondent id variable (any name, string or number values). */
	id: variable.optional(),
	duration: variable.optional(),
	start: variable.optional(),
	end: variable.optional(),
	ip: variable.optional(),
	userAgent: variable.optional(),
	weight: variable.optional(),
	grids: z.array(gridSchema).optional(),
	openEnds: z.array(variable).optional(),
	openEndPairs: z.array(openEndPairSchema).optional(),
	rules: z.array(ruleSchema).optional(),
	/** Routing rules written as `q5 asked if q4 = 1`. */
	skips: z.array(z.string().min(1)).optional(),
	/** Declared valid ranges of numeric variables. */
	ranges: z.record(z.string(), z.tuple([z.number(), z.number()])).optional(),
	attentionChecks: z.array(attentionSchema).optional(),
	screeners: z.array(variable).optional(),
	/** Variables that are no answers (platform metadata): kept out of every answer-based check. */
	paradata: z.array(variable).optional(),
	sections: z.record(z.string(), z.array(variable)).optional(),
	/** Fieldwork window, ISO dates. */
	fieldwork: z.strictObject({ start: z.iso.date().optional(), end: z.iso.date().optional() }).optional(),
	/** Per-check parameters and severity, e.g. `{ "speeders": { "fraction": 0.3, "severity": "error" } }`. */
	checks: z.record(z.string(), z.record(z.string(), paramValueSchema)).optional(),
	/** Scoring: weight per check id and verdict thresholds on the 0–100 score. */
	scoring: z
		.strictObject({
			weights: z.record(z.string(), z.number().min(0)).optional(),
			review: z.number().min(0).max(100).optional(),
			remove: z.number().min(0).max(100).optional()
		})
		.optional()
});

export type SieveConfig = z.infer<typeof configSchema>;
export type GridConfig = z.infer<typeof gridSchema>;
export type RuleConfig = z.infer<typeof ruleSchema>;
export type AttentionConfig = z.infer<typeof attentionSchema>;
export type OpenEndPairConfig = z.infer<typeof openEndPairSchema>;
