import type { Variable } from '../../dataset/dictionary';
import { ROW_COLUMN } from '../../io/arrow-ipc';
import { DATA_TABLE } from '../import/finish';
import type { SqlDb } from '../sql/db';
import { quoteIdent } from '../sql/quote';

export type HeadValue = string | number | null;

/** SQL rendering a value as `sieve inspect` prints it (SPEC §7). */
function inspectExpr(v: Variable): string {
	const c = quoteIdent(v.name);
	if (v.type === 'date') return `strftime(${c}, '%Y-%m-%d')`;
	if (v.type === 'datetime')
		return `CASE WHEN microsecond(${c}) % 1000000 = 0 THEN strftime(${c}, '%Y-%m-%dT%H:%M:%S') ELSE strftime(${c}, '%Y-%m-%dT%H:%M:%S.%g') END`;
	if (v.type === 'string') return `rtrim(${c}, ' ')`;
	return c;
}

/** The first `n` rows as plain objects keyed by variable name. */
export async function readHead(db: SqlDb, variables: Variable[], n: number): Promise<Record<string, HeadValue>[]> {
	if (n <= 0 || variables.length === 0) return [];
	const cols = variables.map((v, i) => `${inspectExpr(v)} AS c${i}`).join(', ');
	const t = await db.query(`SELECT ${cols} FROM ${DATA_TABLE} ORDER BY ${ROW_COLUMN} LIMIT ?`, [n]);
	const out: Record<string, HeadValue>[] = [];
	for (let r = 0; r < t.numRows; r++) {
		const row: Record<string, HeadValue> = {};
		variables.forEach((v, i) => {
			const x = t.getChildAt(i)!.get(r);
			row[v.name] = x === null || x === undefined ? null : typeof x === 'bigint' ? Number(x) : (x as HeadValue);
		});
		out.push(row);
	}
	return out;
}
