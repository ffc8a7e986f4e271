import type { Dictionary, Variable } from '../../dataset/dictionary';
import type { SqlDb } from '../sql/db';
import { valueOf } from '../dataset/missing';
import { Frag, ident, join, rows, sql } from '../sql/frag';

export interface ColumnStats {
	n: number;
	distinct: number;
	min: number | null;
	max: number | null;
	/** Share of non-missing numbers that are whole. */
	integerShare: number;
	avgLength: number;
	/** Share of non-missing texts containing a space. */
	spaceShare: number;
	sample: string[];
	meanEpoch: number | null;
}

/** One pass over `data` for the per-column facts role detection needs. */
export async function columnStats(db: SqlDb, dict: Dictionary): Promise<Map<string, ColumnStats>> {
	const aggs: Frag[] = [];
	dict.variables.forEach((v, i) => {
		const c = valueOf(v);
		const p = `c${i}_`;
		aggs.push(new Frag(`count(${c.text}) AS ${p}n, approx_count_distinct(${c.text}) AS ${p}d`, [...c.params, ...c.params]));
		if (v.type === 'numeric' || v.type === 'time')
			aggs.push(
				new Frag(
					`min(${c.text}) AS ${p}min, max(${c.text}) AS ${p}max, avg(CASE WHEN ${c.text} IS NULL THEN NULL WHEN ${c.text} = round(${c.text}) THEN 1.0 ELSE 0.0 END) AS ${p}int`,
					[...c.params, ...c.params, ...c.params, ...c.params, ...c.params]
				)
			);
		else if (v.type === 'string')
			aggs.push(
				new Frag(
					`avg(length(${c.text})) AS ${p}len, avg(CASE WHEN ${c.text} IS NULL THEN NULL WHEN contains(${c.text}, ' ') THEN 1.0 ELSE 0.0 END) AS ${p}sp`,
					[...c.params, ...c.params, ...c.params]
				)
			);
		else aggs.push(new Frag(`avg(epoch(${c.text})) AS ${p}ep`, [...c.params]));
	});
	const out = new Map<string, ColumnStats>();
	if (dict.variables.length === 0) return out;
	const [r] = await rows<Record<string, number | null>>(db, sql`SELECT ${join(aggs)} FROM data`);
	for (const [i, v] of dict.variables.entries()) {
		const p = `c${i}_`;
		out.set(v.name, {
			n: r[`${p}n`] ?? 0,
			distinct: r[`${p}d`] ?? 0,
			min: r[`${p}min`] ?? null,
			max: r[`${p}max`] ?? null,
			integerShare: r[`${p}int`] ?? 0,
			avgLength: r[`${p}len`] ?? 0,
			spaceShare: r[`${p}sp`] ?? 0,
			sample: v.type === 'string' ? await sampleOf(db, v) : [],
			meanEpoch: r[`${p}ep`] ?? null
		});
	}
	return out;
}

async function sampleOf(db: SqlDb, v: Variable): Promise<string[]> {
	const c = ident(v.name);
	const rs = await rows<{ s: string }>(db, sql`SELECT ${c} AS s FROM data WHERE ${c} IS NOT NULL AND ${c} <> '' LIMIT 200`);
	return rs.map((x) => x.s);
}
