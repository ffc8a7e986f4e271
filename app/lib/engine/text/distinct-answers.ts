import type { CheckContext } from '../checks/types';
import { ident, sql } from '../sql/frag';

/**
 * An open end's non-missing answers grouped by exact text: the text checks do their work once per
 * distinct answer. Rows are in CSR form (`rows[start[k]] … rows[start[k + 1] - 1]` answered `texts[k]`),
 * so millions of answers cost two typed arrays, not an object each.
 */
export interface DistinctAnswers {
	texts: string[];
	start: Int32Array;
	rows: Int32Array;
}

export async function distinctAnswers(ctx: Pick<CheckContext, 'db' | 'isMissing'>, variable: string): Promise<DistinctAnswers> {
	const c = ident(variable);
	const f = sql`SELECT CAST(${c} AS VARCHAR) AS t, list(__row ORDER BY __row) AS rs FROM data WHERE NOT ${ctx.isMissing(variable)} GROUP BY 1 ORDER BY min(__row)`;
	const table = await ctx.db.query(f.text, [...f.params]);
	const tc = table.getChild('t')!;
	const rc = table.getChild('rs')!;
	const n = table.numRows;
	const texts: string[] = new Array(n);
	const lists: Int32Array[] = new Array(n);
	const start = new Int32Array(n + 1);
	for (let k = 0; k < n; k++) {
		texts[k] = String(tc.get(k));
		lists[k] = Int32Array.from(rc.get(k).toArray() as ArrayLike<number>);
		start[k + 1] = start[k] + lists[k].length;
	}
	const rows = new Int32Array(start[n]);
	for (let k = 0; k < n; k++) rows.set(lists[k], start[k]);
	return { texts, start, rows };
}
