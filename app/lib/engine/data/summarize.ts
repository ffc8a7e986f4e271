import type { Variable } from '../../dataset/dictionary';
import { systemMissing, userMissing, valueOf } from '../dataset/missing';
import { Frag, rows, sql } from '../sql/frag';
import type { Bin, CellValue, VariableSummary } from '../api';
import { DATA_TABLE } from '../import/finish';
import type { SqlDb } from '../sql/db';
import { quoteIdent } from '../sql/quote';
import { displayExpr } from './page';

const MAX_VALUE_BARS = 24;
const HISTOGRAM_BINS = 20;
const TOP_STRINGS = 12;

/** Counts, moments and a distribution fit for a small chart: value bars, a histogram or top texts. */
export async function summarize(db: SqlDb, v: Variable): Promise<VariableSummary> {
	const sys = systemMissing(v);
	const um = sql`(NOT ${sys} AND ${userMissing(v)})`;
	const numeric = v.type === 'numeric' || v.type === 'time';
	const value = valueOf(v);
	const moments = numeric ? sql`avg(${value}) AS mean, stddev_samp(${value}) AS sd,` : sql`NULL AS mean, NULL AS sd,`;
	const display = new Frag(displayExpr(v.name, v.type), []);
	const [s] = await rows<Record<string, unknown>>(
		db,
		sql`SELECT count(*) - count_if(${sys}) AS n, count_if(${sys}) AS sysmis, count_if(${um}) AS usermis,
			 ${moments} approx_count_distinct(${value}) AS distinct_, min(${display}) AS lo,
			 max(${display}) AS hi FROM ${new Frag(DATA_TABLE, [])}`
	);
	const distinct = Number(s.distinct_);
	const base = {
		name: v.name,
		valid: Number(s.n) - Number(s.usermis),
		systemMissing: Number(s.sysmis),
		userMissing: Number(s.usermis),
		distinct,
		mean: s.mean === null ? null : Number(s.mean),
		sd: s.sd === null ? null : Number(s.sd),
		min: cell(s.lo),
		max: cell(s.hi)
	};
	if (v.type === 'string') return { ...base, kind: 'top', bins: await topValues(db, valueOf(v)) };
	if (numeric && (distinct <= MAX_VALUE_BARS || Object.keys(v.valueLabels).length > 0))
		return { ...base, kind: 'values', bins: await valueCounts(db, v) };
	if (numeric) return { ...base, kind: 'histogram', bins: await histogram(db, value) };
	return { ...base, kind: 'histogram', bins: await histogram(db, sql`epoch(${value})`, v.type) };
}

async function topValues(db: SqlDb, value: Frag): Promise<Bin[]> {
	const t = await rows<{ v: unknown; n: number }>(
		db,
		sql`SELECT ${value} AS v, count(*) AS n FROM ${new Frag(DATA_TABLE, [])} WHERE ${value} IS NOT NULL GROUP BY ALL ORDER BY n DESC, v LIMIT ${new Frag(String(TOP_STRINGS), [])}`
	);
	return t.map((r) => ({ label: String(r.v), count: r.n }));
}

/** Counts per code, user-missing codes included and marked (the chart shows them apart). */
async function valueCounts(db: SqlDb, v: Variable): Promise<Bin[]> {
	const c = new Frag(quoteIdent(v.name), []);
	const t = await rows<{ v: number; n: number; um: boolean }>(
		db,
		sql`SELECT ${c} AS v, count(*) AS n, bool_or(${userMissing(v)}) AS um FROM ${new Frag(DATA_TABLE, [])}
		    WHERE NOT ${systemMissing(v)} GROUP BY ALL ORDER BY v LIMIT ${new Frag(String(MAX_VALUE_BARS * 4), [])}`
	);
	return t.map((r) => {
		const value = Number(r.v);
		const label = v.valueLabels[String(value)];
		return { label: label ? `${value} ${label}` : String(value), count: r.n, missing: r.um === true };
	});
}

async function histogram(db: SqlDb, expr: Frag, type: Variable['type'] = 'numeric'): Promise<Bin[]> {
	const bins = await rows<{ lo: number; hi: number; b: number; n: number }>(
		db,
		sql`WITH v AS (SELECT ${expr} AS x FROM ${new Frag(DATA_TABLE, [])} WHERE ${expr} IS NOT NULL),
		 r AS (SELECT min(x) AS lo, max(x) AS hi FROM v)
		 SELECT lo, hi, least(${new Frag(String(HISTOGRAM_BINS - 1), [])}, floor((x - lo) / greatest((hi - lo) / ${new Frag(String(HISTOGRAM_BINS), [])}, 1e-300)))::INTEGER AS b, count(*) AS n
		 FROM v, r GROUP BY ALL ORDER BY b`
	);
	if (bins.length === 0) return [];
	const lo = Number(bins[0].lo);
	const width = (Number(bins[0].hi) - lo) / HISTOGRAM_BINS;
	const counts = new Array<number>(HISTOGRAM_BINS).fill(0);
	for (const r of bins) counts[Number(r.b)] = Number(r.n);
	return counts.map((count, i) => ({ label: binLabel(lo + i * width, type), count }));
}

function binLabel(x: number, type: Variable['type']): string {
	if (type === 'date') return new Date(x * 1000).toISOString().slice(0, 10);
	if (type === 'datetime') return new Date(x * 1000).toISOString().slice(0, 16).replace('T', ' ');
	return Math.abs(x) >= 100 ? x.toFixed(0) : Number(x.toPrecision(3)).toString();
}

function cell(v: unknown): CellValue {
	if (v === null || v === undefined) return null;
	if (typeof v === 'bigint') return Number(v);
	return v as CellValue;
}
