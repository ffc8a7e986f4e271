import type { Dictionary, Measure, VarType, Variable } from '../../dataset/dictionary';
import { NO_MISSING } from '../../dataset/dictionary';
import { ROW_COLUMN } from '../../io/arrow-ipc';
import type { SqlDb } from '../sql/db';
import { quoteIdent } from '../sql/quote';
import type { ImportProgress } from './types';

/** Readers land rows here; finishImport turns it into the typed `data` table. */
export const STAGING_TABLE = 'sieve_staging';
export const DATA_TABLE = 'data';
/** A staging column a reader may add for its own checks (a CSV row's field count); never data. */
export const FIELDS_COLUMN = '__sieve_fields';

interface ColumnPlan {
	name: string;
	type: VarType;
	/** SQL producing the typed value from the staging column. */
	expr: string;
}

/**
 * Replaces `data` with the staged rows in canonical types (numbers DOUBLE, text VARCHAR, DATE,
 * TIMESTAMP, times as seconds), in file order, and describes them. Text columns are typed from
 * every value, not a sample: a survey's "n/a" in row 900,000 still makes the column text.
 */
export async function finishImport(
	db: SqlDb,
	opts: { encoding: string; inferTypes: boolean; dictionary?: Dictionary },
	onProgress: (p: Omit<ImportProgress, 'rows'>) => void
): Promise<Dictionary> {
	onProgress({ phase: 'typing', done: 0, total: 1 });
	const described = await describeColumns(db, STAGING_TABLE);
	const plans = opts.dictionary
		? described.map((c) => ({
				name: c.name,
				type: opts.dictionary!.variables.find((v) => v.name === c.name)!.type,
				expr: quoteIdent(c.name)
			}))
		: opts.inferTypes
			? await inferPlans(
					db,
					described.map((c) => c.name)
				)
			: described.map((c) => normalisePlan(c.name, c.type));
	// No ORDER BY: staging is filled in file order and DuckDB preserves insertion order by default;
	// sorting 1M rows × 60 columns in single-threaded wasm cost more than the rest of the import.
	const select = plans.map((p) => `${p.expr} AS ${quoteIdent(p.name)}`).join(', ');
	await db.exec(`CREATE OR REPLACE TABLE ${DATA_TABLE} AS SELECT ${ROW_COLUMN}, ${select} FROM ${STAGING_TABLE}`);
	await db.exec(`DROP TABLE ${STAGING_TABLE}`);
	const dictionary = opts.dictionary ?? {
		variables: await describeVariables(db, plans),
		encoding: opts.encoding,
		warnings: []
	};
	onProgress({ phase: 'done', done: 1, total: 1 });
	return dictionary;
}

async function describeColumns(db: SqlDb, table: string): Promise<{ name: string; type: string }[]> {
	const t = await db.query(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position`, [
		table
	]);
	return t
		.toArray()
		.map((r) => ({ name: String(r.column_name), type: String(r.data_type) }))
		.filter((c) => c.name !== ROW_COLUMN && c.name !== FIELDS_COLUMN);
}

const NUMERIC =
	/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|REAL|DECIMAL.*|BOOLEAN)$/;

function normalisePlan(name: string, sqlType: string): ColumnPlan {
	const c = quoteIdent(name);
	// NaN in Parquet/Arrow floats means "no answer" in survey data, as SPSS system-missing does.
	if (NUMERIC.test(sqlType)) return { name, type: 'numeric', expr: `nullif(CAST(${c} AS DOUBLE), 'NaN'::DOUBLE)` };
	if (sqlType === 'DATE') return { name, type: 'date', expr: c };
	if (sqlType.startsWith('TIMESTAMP')) return { name, type: 'datetime', expr: `CAST(${c} AS TIMESTAMP)` };
	if (sqlType === 'TIME') return { name, type: 'time', expr: `CAST(epoch(${c}) AS DOUBLE)` };
	if (sqlType === 'VARCHAR') return { name, type: 'string', expr: c };
	return { name, type: 'string', expr: `CAST(${c} AS VARCHAR)` };
}

// DuckDB casts '2026-03-10 20:25:58' to DATE by dropping the time, so timestamps are tried first
// and a column is a date only when none of its values has a time part.
const TEMPORAL: { type: VarType; sql: string; cast: (c: string) => string }[] = [
	{ type: 'datetime', sql: 'TIMESTAMP', cast: (c) => `CAST(${c} AS TIMESTAMP)` },
	{ type: 'time', sql: 'TIME', cast: (c) => `CAST(epoch(CAST(${c} AS TIME)) AS DOUBLE)` }
];
const DATE_CAST = (c: string) => `CAST(${c} AS DATE)`;
const SAMPLE = 1000;

/**
 * Types text columns from every value: numbers first (one pass over all columns), then dates and
 * times, tried on a sample before the whole column — most text columns fail the sample at once,
 * which keeps the costly string-to-date parsing off open ends and names.
 */
async function inferPlans(db: SqlDb, names: string[]): Promise<ColumnPlan[]> {
	const aggs = names.flatMap((n, i) => {
		const c = quoteIdent(n);
		return [
			`count(${c}) AS n${i}`,
			`count(TRY_CAST(${c} AS DOUBLE)) AS num${i}`,
			`count_if(${c} LIKE '0_%' AND ${c} NOT LIKE '0.%') AS zero${i}`
		];
	});
	const stats = (await db.query(`SELECT ${aggs.join(', ')} FROM ${STAGING_TABLE}`)).get(0)!.toJSON();
	const num = (k: string) => Number(stats[k]);
	const plans: ColumnPlan[] = [];
	for (const [i, name] of names.entries()) {
		const c = quoteIdent(name);
		const n = num(`n${i}`);
		if (n === num(`num${i}`) && num(`zero${i}`) === 0)
			plans.push({ name, type: 'numeric', expr: `nullif(CAST(${c} AS DOUBLE), 'NaN'::DOUBLE)` });
		else plans.push({ name, type: (n > 0 && (await temporalType(db, c, n))) || 'string', expr: c });
	}
	return plans.map((p) => {
		if (p.type === 'date') return { ...p, expr: DATE_CAST(quoteIdent(p.name)) };
		const t = TEMPORAL.find((x) => x.type === p.type);
		return t ? { ...p, expr: t.cast(quoteIdent(p.name)) } : p;
	});
}

async function temporalType(db: SqlDb, c: string, n: number): Promise<VarType | null> {
	for (const t of TEMPORAL) {
		const sample = (
			await db.query(
				`SELECT count(*) AS n, count(TRY_CAST(v AS ${t.sql})) AS ok FROM (SELECT ${c} AS v FROM ${STAGING_TABLE} WHERE ${c} IS NOT NULL LIMIT ${SAMPLE})`
			)
		).get(0)!;
		if (Number(sample.ok) !== Number(sample.n)) continue;
		const all = (
			await db.query(`SELECT count(TRY_CAST(${c} AS ${t.sql})) AS ok, count_if(${c} LIKE '%:%') AS timed FROM ${STAGING_TABLE}`)
		).get(0)!;
		if (Number(all.ok) !== n) continue;
		return t.type === 'datetime' && Number(all.timed) === 0 ? 'date' : t.type;
	}
	return null;
}

async function describeVariables(db: SqlDb, plans: ColumnPlan[]): Promise<Variable[]> {
	const aggs = plans.flatMap((p, i) => {
		const c = quoteIdent(p.name);
		if (p.type === 'string') return [`max(strlen(${c})) AS w${i}`, `approx_count_distinct(${c}) AS k${i}`];
		if (p.type === 'numeric')
			return [`count_if(${c} <> round(${c})) AS frac${i}`, `approx_count_distinct(${c}) AS k${i}`, `max(abs(${c})) AS big${i}`];
		return [`approx_count_distinct(${c}) AS k${i}`];
	});
	const stats = aggs.length ? (await db.query(`SELECT ${aggs.join(', ')} FROM ${DATA_TABLE}`)).get(0)!.toJSON() : {};
	const num = (k: string) => Number(stats[k] ?? 0);
	return plans.map((p, i) => {
		const distinct = num(`k${i}`);
		let format: string;
		let width = 8;
		let measure: Measure = 'scale';
		if (p.type === 'string') {
			width = Math.max(1, num(`w${i}`));
			format = `A${width}`;
			measure = 'nominal';
		} else if (p.type === 'numeric') {
			const integer = num(`frac${i}`) === 0;
			const digits = Math.max(1, Math.ceil(Math.log10(num(`big${i}`) + 1)));
			format = integer ? `F${Math.min(40, digits + 1)}.0` : `F${Math.min(40, digits + 3)}.2`;
			measure = integer && distinct <= 12 ? 'ordinal' : 'scale';
		} else format = p.type === 'date' ? 'SDATE10' : p.type === 'datetime' ? 'YMDHMS19' : 'TIME8';
		return {
			name: p.name,
			label: null,
			type: p.type,
			width,
			format,
			measure,
			valueLabels: {},
			missing: { ...NO_MISSING, values: [] },
			role: null
		};
	});
}
