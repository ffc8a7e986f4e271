import type { Dictionary, Variable } from '../../dataset/dictionary';
import { ROW_COLUMN } from '../../io/arrow-ipc';
import type { SieveConfig } from '../checks/config';
import { DATA_TABLE } from '../import/finish';
import { detectRoles, effectiveDictionary, type SurveyRoles } from '../roles';
import type { SqlDb } from '../sql/db';
import { configProblems } from './config-problems';
import { resolveIdVariable } from './id';

/**
 * The imported table as every part of the engine sees it (SPEC §3): one dictionary with the
 * effective missing values, the roles, one respondent id, and the CONFIG they came from.
 */
export interface Dataset {
	/** As imported (and confirmed by the user): declared missing values only; what exports write. */
	raw: Dictionary;
	/** `raw` plus inferred missing codes (98/99/−9…): what checks, rules, summaries and what-if read. */
	dictionary: Dictionary;
	config: SieveConfig;
	roles: SurveyRoles;
	/** The variable naming respondents; `__row` only for working copies imported before ids were assigned. */
	idVariable: string;
	rows: number;
	/** CONFIG rules, routing and names that do not fit this file (checks needing them report an error). */
	problems: string[];
	variable(name: string): Variable;
}

/**
 * Builds the Dataset over table `data`. CONFIG names that are not variables of the file are an
 * error naming the variable.
 * @example const ds = await openDataset(db, dictionary, config);
 */
export async function openDataset(db: SqlDb, raw: Dictionary, config: SieveConfig = {}): Promise<Dataset> {
	const id = await resolveIdVariable(db, raw, config.id);
	const idVariable = id.name;
	const roles = await detectRoles(db, raw, { ...config, id: idVariable === ROW_COLUMN ? undefined : idVariable });
	if (idVariable === ROW_COLUMN) roles.id = null;
	const dictionary = effectiveDictionary(raw, roles.missingCodes ?? {});
	const byName = new Map(dictionary.variables.map((v) => [v.name, v]));
	const count = await db.query(`SELECT count(*)::INTEGER AS n FROM ${DATA_TABLE}`);
	return {
		raw,
		dictionary,
		config,
		roles,
		idVariable,
		rows: Number(count.get(0)!.n),
		problems: [...(id.problem ? [id.problem] : []), ...configProblems(dictionary, config)],
		variable(name) {
			const v = byName.get(name);
			if (!v) throw new Error(`unknown variable ${JSON.stringify(name)}`);
			return v;
		}
	};
}
