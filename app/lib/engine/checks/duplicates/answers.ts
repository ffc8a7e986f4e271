import { Frag, join, rows, sql } from '../../sql/frag';
import type { CheckContext } from '../types';

/** `SELECT __row, v0, v1, … FROM data`: each answer missing-aware (NULL when missing), named by position. */
export function answerValues(ctx: CheckContext, vars: readonly string[]): Frag {
	return sql`SELECT __row, ${join(vars.map((name, i) => sql`${ctx.value(name)} AS ${col(i)}`))} FROM data`;
}

const col = (i: number): Frag => new Frag(`v${i}`, []);

export interface Shares {
	/** Per variable, the share of the other respondents giving this respondent's answer (missing counts as an answer). */
	shares: number[];
	/** Per variable, whether this respondent's answer is missing. */
	missing: boolean[];
}

/** The answers' marginal frequencies (counted in SQL), looked up for the given rows only. */
export async function answerShares(
	ctx: CheckContext,
	vars: readonly string[],
	of: readonly number[],
	n: number
): Promise<Map<number, Shares>> {
	const out = new Map<number, Shares>();
	if (!of.length || !vars.length) return out;
	const c = (i: number) => new Frag(`c${i}`, []);
	// each answer reduced to its hash once: 8 bytes a cell to keep and group, where the answers themselves include long open ends
	const hashed = sql`SELECT __row, ${join(vars.map((name, i) => sql`hash(${ctx.value(name)}) AS ${c(i)}`))} FROM data`;
	const counts = vars.map((_, i) => `SELECT ${i} AS j, c${i} AS c, count(*) AS f FROM vals GROUP BY ALL`);
	const f = sql`WITH vals AS MATERIALIZED (${hashed}),
		cand AS MATERIALIZED (SELECT __row, ${new Frag(`unnest(range(${vars.length})) AS j, unnest([${vars.map((_, i) => `c${i}`).join(', ')}]) AS c`, [])} FROM vals WHERE __row IN (SELECT unnest(string_split(${of.join(',')}, ','))::INTEGER)),
		freq AS (${new Frag(counts.join(' UNION ALL '), [])})
		SELECT cand.__row::INTEGER AS r, cand.j::INTEGER AS j, freq.f::DOUBLE AS f, (cand.c = hash(NULL))::INTEGER AS miss FROM cand JOIN freq USING (j, c)`;
	// read as typed columns: a list aggregate sorted by variable costs DuckDB far more than the join, and Arrow's get() per cell is slow
	const table = await ctx.db.query(f.text, [...f.params]);
	const [r, j, fr, miss] = ['r', 'j', 'f', 'miss'].map((name) => table.getChild(name)!.toArray() as Int32Array | Float64Array);
	const denom = Math.max(1, n - 1);
	// numRows is recomputed over every record batch on each read
	for (let i = 0, rowsRead = r.length; i < rowsRead; i++) {
		let s = out.get(r[i]);
		if (!s) out.set(r[i], (s = { shares: new Array(vars.length).fill(0), missing: new Array(vars.length).fill(false) }));
		// the respondent itself is left out: the share among the n − 1 others it could have matched
		s.shares[j[i]] = (fr[i] - 1) / denom;
		s.missing[j[i]] = miss[i] === 1;
	}
	return out;
}

/**
 * How much more alike random pairs of respondents are than independent items predict: the variance
 * of the number of agreeing answers over sampled disjoint pairs, divided by Σ q(1 − q) with q each
 * item's observed agreement rate (a design effect, ≥ 1). Correlated items (age and years married,
 * a grid answered in one direction) make common answer vectors far more common than independence says.
 */
export async function dependenceOf(
	ctx: CheckContext,
	vars: readonly string[],
	n: number,
	pairs = 5000
): Promise<{ factor: number; pairs: number }> {
	if (vars.length < 2 || n < 4) return { factor: 1, pairs: 0 };
	const step = Math.max(1, Math.floor(n / (2 * pairs)));
	const agree = vars.map((_, i) => `coalesce((a.v${i} = b.v${i})::INTEGER, 0)`);
	const [r] = await rows<{ m: number; q: number[]; vs: number | null }>(
		ctx.db,
		sql`WITH s AS (SELECT *, row_number() OVER (ORDER BY hash(__row)) AS rk FROM (${answerValues(ctx, vars)}) WHERE hash(__row) % ${step} = 0),
		p AS (SELECT ${new Frag(agree.map((a, i) => `${a} AS g${i}`).join(', '), [])} FROM s a JOIN s b ON b.rk = a.rk + 1 WHERE a.rk % 2 = 1 AND a.rk < ${2 * pairs})
		SELECT count(*) AS m, ${new Frag(`[${vars.map((_, i) => `avg(g${i})`).join(', ')}]`, [])} AS q, var_samp(${new Frag(vars.map((_, i) => `g${i}`).join(' + '), [])}) AS vs FROM p`
	);
	const indep = (r?.q ?? []).reduce((s, q) => s + q * (1 - q), 0);
	if (!r || r.m < 30 || r.vs === null || !(indep > 0)) return { factor: 1, pairs: r?.m ?? 0 };
	return { factor: Math.max(1, r.vs / indep), pairs: r.m };
}
