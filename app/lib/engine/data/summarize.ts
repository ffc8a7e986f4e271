import type { MissingSpec, Variable } from '../../dataset/dictionary';
import type { Bin, CellValue, VariableSummary } from '../api';
import { DATA_TABLE } from '../import/finish';
import type { SqlDb, SqlValue } from '../sql/db';
import { quoteIdent } from '../sql/quote';
import { displayExpr } from './page';

const MAX_VALUE_BARS = 24;
const HISTOGRAM_BINS = 20;
const TOP_STRINGS = 12;

/** SQL condition "this value is user-missing", with the codes bound as parameters. */
export function userMissingCondition(
	column: string,
	missing: MissingSpec,
	type: Variable['type']
): { sql: string; params: SqlValue[] } {
	const c = quoteIdent(column);
	const parts: string[] = [];
	const params: SqlValue[] = [];
	for (const v of missing.values) {
		parts.push(type === 'string' ? `${c} = ?` : `${c} = ?::DOUBLE`);
		params.push(type === 'string' ? String(v) : Number(v));
	}
	if (missing.range && type !== 'string') {
		const [lo, hi] = missing.range;
		if (lo !== null && hi !== null) {
			parts.push(`${c} BETWEEN ? AND ?`);
			params.push(lo, hi);
		} else if (lo !== null) {
			parts.push(`${c} >= ?`);
			params.push(lo);
		} else if (hi !== null) {
			parts.push(`${c} <= ?`);
			params.push(hi);
		}
	}
	return { sql: parts.length ? `(${parts.join(' OR ')})` : 'FALSE', params };
}

/** Counts, moments and a distribution fit for a small chart: value bars, a histogram or top texts. */
export async function summarize(db: SqlDb, v: Variable): Promise<VariableSummary> {
	const c = quoteIdent(v.name);
	const um = userMissingCondition(v.name, v.missing, v.type);
	const numeric = v.type === 'numeric' || v.type === 'time';
	const moments = numeric
		? `avg(${c}) FILTER (WHERE NOT ${um.sql}) AS mean, stddev_samp(${c}) FILTER (WHERE NOT ${um.sql}) AS sd,`
		: 'NULL AS mean, NULL AS sd,';
	const params = numeric ? [...um.params, ...um.params, ...um.params] : um.params;
	const s = (
		await db.query(
			`SELECT count(${c}) AS n, count(*) - count(${c}) AS sysmis, count_if(${um.sql}) AS usermis,
			 ${moments} approx_count_distinct(${c}) AS distinct_, min(${displayExpr(v.name, v.type)}) AS lo,
			 max(${displayExpr(v.name, v.type)}) AS hi FROM ${DATA_TABLE}`,
			[...params]
		)
	)
		.get(0)!
		.toJSON();
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
	if (v.type === 'string') return { ...base, kind: 'top', bins: await topValues(db, c) };
	if (numeric && (distinct <= MAX_VALUE_BARS || Object.keys(v.valueLabels).length > 0))
		return { ...base, kind: 'values', bins: await valueCounts(db, v, c) };
	if (numeric) return { ...base, kind: 'histogram', bins: await histogram(db, c, um) };
	return { ...base, kind: 'histogram', bins: await histogram(db, `epoch(${c})`, { sql: 'FALSE', params: [] }, v.type) };
}

async function topValues(db: SqlDb, c: string): Promise<Bin[]> {
	const t = await db.query(
		`SELECT ${c} AS v, count(*) AS n FROM ${DATA_TABLE} WHERE ${c} IS NOT NULL GROUP BY ALL ORDER BY n DESC, v LIMIT ${TOP_STRINGS}`
	);
	return t.toArray().map((r) => ({ label: String(r.v), count: Number(r.n) }));
}

async function valueCounts(db: SqlDb, v: Variable, c: string): Promise<Bin[]> {
	const t = await db.query(
		`SELECT ${c} AS v, count(*) AS n FROM ${DATA_TABLE} WHERE ${c} IS NOT NULL GROUP BY ALL ORDER BY v LIMIT ${MAX_VALUE_BARS * 4}`
	);
	const missing = new Set(v.missing.values.map(Number));
	return t.toArray().map((r) => {
		const value = Number(r.v);
		const [lo, hi] = v.missing.range ?? [null, null];
		const inRange = v.missing.range !== null && (lo === null || value >= lo) && (hi === null || value <= hi);
		const label = v.valueLabels[String(value)];
		return { label: label ? `${value} ${label}` : String(value), count: Number(r.n), missing: missing.has(value) || inRange };
	});
}

async function histogram(
	db: SqlDb,
	expr: string,
	um: { sql: string; params: SqlValue[] },
	type: Variable['type'] = 'numeric'
): Promise<Bin[]> {
	const t = await db.query(
		`WITH v AS (SELECT ${expr} AS x FROM ${DATA_TABLE} WHERE ${expr} IS NOT NULL AND NOT ${um.sql}),
		 r AS (SELECT min(x) AS lo, max(x) AS hi FROM v)
		 SELECT lo, hi, least(${HISTOGRAM_BINS - 1}, floor((x - lo) / greatest((hi - lo) / ${HISTOGRAM_BINS}, 1e-300)))::INTEGER AS b, count(*) AS n
		 FROM v, r GROUP BY ALL ORDER BY b`,
		um.params
	);
	const rows = t.toArray();
	if (rows.length === 0) return [];
	const lo = Number(rows[0].lo);
	const width = (Number(rows[0].hi) - lo) / HISTOGRAM_BINS;
	const counts = new Array<number>(HISTOGRAM_BINS).fill(0);
	for (const r of rows) counts[Number(r.b)] = Number(r.n);
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
