import type { Dictionary } from './dictionary';

/** The variable import adds when no variable of the file can name respondents (1-based file order). */
export const SIEVE_ID = 'sieve_id';

/**
 * The respondent id variable: CONFIG `id` (the user's choice in Setup), else the variable whose role
 * is id (set at import: the detected id, or `sieve_id`). The one rule the app and the engine share.
 */
export function idVariableOf(dictionary: Dictionary, config: { id?: string } = {}): string | null {
	return config.id || (dictionary.variables.find((v) => v.role === 'id')?.name ?? null);
}
