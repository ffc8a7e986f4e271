import { Frag, ident, rows, sql } from '../checks/sql';
import { DATA_TABLE } from '../import/finish';
import type { SqlDb } from '../sql/db';

/** Whether a variable can serve as the respondent id: exact counts over the whole table. */
export interface IdUsability {
	variable: string;
	rows: number;
	/** Values that are NULL or blank text. */
	empty: number;
	distinct: number;
	/** Every row has a value and no two rows share one. */
	usable: boolean;
}

export async function idUsability(db: SqlDb, variable: string): Promise<IdUsability> {
	const c = ident(variable);
	const [r] = await rows<{ n: number; e: number; d: number }>(
		db,
		sql`SELECT count(*) AS n, count(*) FILTER (WHERE ${c} IS NULL OR trim(CAST(${c} AS VARCHAR)) = '') AS e,
			count(DISTINCT ${c}) AS d FROM ${new Frag(DATA_TABLE, [])}`
	);
	const [n, e, d] = [Number(r.n), Number(r.e), Number(r.d)];
	return { variable, rows: n, empty: e, distinct: d, usable: n > 0 && e === 0 && d === n };
}
