import type { ParamValue } from './types';

export interface GridConfig {
	name: string;
	items: string[];
	scale?: [number, number];
	reversed?: string[];
	factors?: Record<string, string[]>;
}

/** A cross-field rule: `when` is the condition that marks a respondent as inconsistent. */
export interface RuleConfig {
	id: string;
	when: string;
	severity?: 'info' | 'warning' | 'error';
	message?: string;
}


export interface AttentionConfig {
	variable: string;
	/** Answer(s) that pass. */
	expected: number | string | (number | string)[];
}

/** The CONFIG file of SPEC §7; every field is optional and overrides detection. */
export interface SieveConfig {
	id?: string;
	/** Survey weight variable. */
	weight?: string;
	duration?: string;
	start?: string;
	end?: string;
	ip?: string;
	userAgent?: string;
	grids?: GridConfig[];
	openEnds?: string[];
	rules?: RuleConfig[];
	/** Routing rules written as `q5 asked if q4 = 1`. */
	skips?: string[];
	/** Declared valid ranges of numeric variables. */
	ranges?: Record<string, [number, number]>;
	attentionChecks?: AttentionConfig[];
	/** Screener questions (variables), set in Setup. */
	screeners?: string[];
	sections?: Record<string, string[]>;
	/** Fieldwork window, ISO dates. */
	fieldwork?: { start?: string; end?: string };
	/** Per-check parameters, e.g. `{ "speeders": { "fraction": 0.3 } }`. */
	checks?: Record<string, Record<string, ParamValue>>;
	/** Scoring: weight per check id and verdict thresholds on the 0–100 score. */
	scoring?: { weights?: Record<string, number>; review?: number; remove?: number };
}

/** Validates the parsed JSON of a CONFIG file, naming the first bad field. */
export function parseConfig(json: unknown): SieveConfig {
	if (json === null || typeof json !== 'object' || Array.isArray(json))
		throw new Error('config: expected a JSON object');
	const c = json as Record<string, unknown>;
	for (const k of ['id', 'duration', 'start', 'end', 'ip', 'userAgent'])
		if (c[k] !== undefined && typeof c[k] !== 'string') throw new Error(`config: "${k}" must be a variable name`);
	if (c.grids !== undefined) {
		if (!Array.isArray(c.grids)) throw new Error('config: "grids" must be a list');
		c.grids.forEach((g, i) => {
			if (!g || typeof g.name !== 'string' || !Array.isArray(g.items))
				throw new Error(`config: grids[${i}] needs "name" and "items"`);
		});
	}
	if (c.rules !== undefined) {
		if (!Array.isArray(c.rules)) throw new Error('config: "rules" must be a list');
		c.rules.forEach((r, i) => {
			if (!r || typeof r.when !== 'string') throw new Error(`config: rules[${i}] needs "when"`);
		});
	}
	if (c.openEnds !== undefined && !Array.isArray(c.openEnds)) throw new Error('config: "openEnds" must be a list');
	return c as SieveConfig;
}
