import type { Dictionary, Variable } from '../../dataset/dictionary';
import { Float64, Int32, Int8, Field, makeData, RecordBatch, Schema, Struct, Table, tableToIPC } from 'apache-arrow';
import { ROW_COLUMN } from '../arrow-ipc';
import type { SqlDb } from '../../engine/sql/db';
import { quoteIdent } from '../../engine/sql/quote';
import type { ExportSource, RespondentFlags, Verdict } from './types';

export const SCORE_VARIABLE = 'sieve_score';
export const VERDICT_VARIABLE = 'sieve_verdict';
const FLAGS_TABLE = 'sieve_export_flags';
const EXPORT_VIEW = 'sieve_export';
const VERDICTS: Verdict[] = ['keep', 'review', 'remove'];

/** The two flag variables appended to an export (SPEC §7); the verdict is text so every format holds the same values. */
export const FLAG_VARIABLES: readonly Variable[] = [
	{
		name: SCORE_VARIABLE,
		label: 'Sieve quality score 0-100',
		type: 'numeric',
		width: 8,
		format: 'F3.0',
		measure: 'scale',
		valueLabels: {},
		missing: { values: [], range: null }
	},
	{
		name: VERDICT_VARIABLE,
		label: 'Sieve verdict',
		type: 'string',
		width: 6,
		format: 'A6',
		measure: 'nominal',
		valueLabels: {},
		missing: { values: [], range: null }
	}
];

export interface FlagInput {
	/** Score and verdict per `__row`; respondents without findings are absent (100, keep). */
	scores: ReadonlyMap<number, RespondentFlags>;
	/** `__row`s a reviewer kept: their verdict is keep whatever the score. */
	kept?: readonly number[];
}

/**
 * The cleaned rows with `sieve_score` and `sieve_verdict` appended (replacing variables of those
 * names from an earlier export), as a view over `source.table`.
 */
export async function withFlags(source: ExportSource, flags: FlagInput): Promise<ExportSource> {
	const { db } = source;
	const kept = new Set(flags.kept ?? []);
	const rows = [...new Set([...flags.scores.keys(), ...kept])].sort((a, b) => a - b);
	await loadFlags(db, rows, (r) => {
		const f = flags.scores.get(r);
		return { score: f?.score ?? 100, verdict: kept.has(r) ? 0 : VERDICTS.indexOf(f?.verdict ?? 'keep') };
	});
	const own = source.dictionary.variables.filter((v) => v.name !== SCORE_VARIABLE && v.name !== VERDICT_VARIABLE);
	const cols = own.map((v) => `c.${quoteIdent(v.name)}`).join(', ');
	await db.exec(
		`CREATE OR REPLACE VIEW ${EXPORT_VIEW} AS SELECT c.${ROW_COLUMN}, ${cols}${cols ? ', ' : ''}` +
			`coalesce(f.score, 100) AS ${SCORE_VARIABLE}, list_extract(['keep', 'review', 'remove'], coalesce(f.verdict, 0) + 1) AS ${VERDICT_VARIABLE} ` +
			`FROM ${quoteIdent(source.table)} c LEFT JOIN ${FLAGS_TABLE} f ON f.${ROW_COLUMN} = c.${ROW_COLUMN}`
	);
	const dictionary: Dictionary = { ...source.dictionary, variables: [...own, ...FLAG_VARIABLES.map((v) => ({ ...v }))] };
	return { db, table: EXPORT_VIEW, dictionary };
}

async function loadFlags(db: SqlDb, rows: number[], of: (row: number) => { score: number; verdict: number }): Promise<void> {
	const n = rows.length;
	const row = new Int32Array(rows);
	const score = new Float64Array(n);
	const verdict = new Int8Array(n);
	rows.forEach((r, i) => {
		const f = of(r);
		score[i] = f.score;
		verdict[i] = f.verdict;
	});
	const fields = [
		new Field(ROW_COLUMN, new Int32(), false),
		new Field('score', new Float64(), false),
		new Field('verdict', new Int8(), false)
	];
	const children = [
		makeData({ type: new Int32(), length: n, nullCount: 0, data: row }),
		makeData({ type: new Float64(), length: n, nullCount: 0, data: score }),
		makeData({ type: new Int8(), length: n, nullCount: 0, data: verdict })
	];
	const batch = new RecordBatch(new Schema(fields), makeData({ type: new Struct(fields), length: n, nullCount: 0, children }));
	await db.exec(`DROP TABLE IF EXISTS ${FLAGS_TABLE}`);
	await db.insertArrowIPC(FLAGS_TABLE, tableToIPC(new Table([batch]), 'stream'), true);
}
