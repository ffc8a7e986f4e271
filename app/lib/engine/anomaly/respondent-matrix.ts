import type { CheckContext } from '../checks/types';
import { Frag, join, numericColumns, sql } from '../sql/frag';

export interface RespondentMatrix {
	/** Row-major respondents × columns, each column standardised (mean 0, SD 1), a missing value at 0. */
	matrix: Float64Array;
	n: number;
	columns: string[];
	rows: Int32Array;
	means: Float64Array;
	sds: Float64Array;
}

/**
 * The numeric answers and the duration of every respondent, standardised so that no variable
 * outweighs another by its unit. Variables without spread are left out; at most `max` are kept.
 */
export async function respondentMatrix(ctx: CheckContext, max: number): Promise<RespondentMatrix> {
	const numeric = ctx.dictionary.variables.filter((v) => v.type === 'numeric' && ctx.substantive.includes(v.name)).map((v) => v.name);
	const names = [...(ctx.roles.duration ? [ctx.roles.duration] : []), ...numeric].slice(0, max);
	const cols = await numericColumns(
		ctx.db,
		sql`SELECT CAST(__row AS INTEGER) AS r${names.length ? sql`, ${join(names.map((name, i) => sql`CAST(${ctx.value(name)} AS DOUBLE) AS ${new Frag(`c${i}`, [])}`))}` : sql``} FROM data ORDER BY __row`
	);
	const n = cols.r.length;
	const kept: number[] = [];
	const means: number[] = [];
	const sds: number[] = [];
	names.forEach((_, i) => {
		const x = cols[`c${i}`];
		let count = 0;
		let sum = 0;
		let sum2 = 0;
		for (const v of x)
			if (v === v) {
				count++;
				sum += v;
				sum2 += v * v;
			}
		const mean = sum / count;
		const sd = Math.sqrt(Math.max(0, sum2 / count - mean * mean));
		if (count < 2 || !(sd > 0)) return;
		kept.push(i);
		means.push(mean);
		sds.push(sd);
	});
	const d = kept.length;
	const matrix = new Float64Array(n * d);
	kept.forEach((i, j) => {
		const x = cols[`c${i}`];
		for (let r = 0; r < n; r++) matrix[r * d + j] = x[r] === x[r] ? (x[r] - means[j]) / sds[j] : 0;
	});
	return {
		matrix,
		n,
		columns: kept.map((i) => names[i]),
		rows: Int32Array.from(cols.r),
		means: Float64Array.from(means),
		sds: Float64Array.from(sds)
	};
}
