import { ROW_COLUMN } from '../../io/arrow-ipc';
import type { SqlDb, SqlValue } from '../sql/db';
import { quoteIdent } from '../sql/quote';

const CHUNK = 500;

/** `__row`s of each id value in `ids` found in `table`, keyed by `String(id)`. */
export async function respondentRows(db: SqlDb, table: string, idVariable: string, ids: SqlValue[]): Promise<Map<string, number[]>> {
	const out = new Map<string, number[]>();
	const distinct = [...new Map(ids.filter((v) => v !== null).map((v) => [String(v), v])).values()];
	const id = quoteIdent(idVariable);
	for (let i = 0; i < distinct.length; i += CHUNK) {
		const part = distinct.slice(i, i + CHUNK);
		const t = await db.query(
			`SELECT ${ROW_COLUMN} AS r, ${id} AS k FROM ${quoteIdent(table)} WHERE ${id} IN (${part.map(() => '?').join(', ')})`,
			part
		);
		const rs = t.getChild('r')!;
		const ks = t.getChild('k')!;
		for (let j = 0; j < t.numRows; j++) {
			const key = String(ks.get(j));
			let list = out.get(key);
			if (!list) out.set(key, (list = []));
			list.push(Number(rs.get(j)));
		}
	}
	return out;
}
