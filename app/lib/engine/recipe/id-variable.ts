import type { Dictionary } from '../../dataset/dictionary';
import { ROW_COLUMN } from '../../io/arrow-ipc';
import { detectRoles } from '../roles';
import type { SqlDb } from '../sql/db';

const FALLBACK = /^(id|rid|respondent_id)$/i;

/**
 * The variable a recipe's `respondent` values refer to: the dictionary's id role, else CONFIG's
 * `id`, else the detected one, else a variable called id / rid / respondent_id, else `__row`.
 */
export async function resolveIdVariable(db: SqlDb, dictionary: Dictionary, configId?: string): Promise<string> {
	const declared = dictionary.variables.find((v) => v.role === 'id');
	if (declared) return declared.name;
	if (configId) {
		if (!dictionary.variables.some((v) => v.name === configId)) throw new Error(`config: id "${configId}" is not a variable of the file`);
		return configId;
	}
	const detected = (await detectRoles(db, dictionary, {})).id;
	if (detected) return detected;
	return dictionary.variables.find((v) => FALLBACK.test(v.name))?.name ?? ROW_COLUMN;
}
