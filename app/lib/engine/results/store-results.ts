import type { Dictionary, Variable } from '../../dataset/dictionary';
import { NO_MISSING } from '../../dataset/dictionary';
import { batchToIPC } from '../../io/arrow-ipc';
import type { CheckRun } from '../checks/registry';
import type { Finding } from '../checks/types';
import type { RespondentScore } from '../scoring';
import type { SqlDb } from '../sql/db';

/** Findings and scores live beside the data in the project database, so a reload keeps them. */
export const FINDINGS_TABLE = 'sieve_findings';
export const SCORES_TABLE = 'sieve_scores';

const text = (name: string): Variable => ({
	name,
	label: null,
	type: 'string',
	width: 0,
	format: '',
	measure: 'nominal',
	valueLabels: {},
	missing: NO_MISSING
});
const num = (name: string): Variable => ({ ...text(name), type: 'numeric', measure: 'scale' });
const dict = (vars: Variable[]): Dictionary => ({ variables: vars, encoding: 'UTF-8', warnings: [] });

const FINDING_DICT = dict([
	text('check'),
	text('level'),
	num('row'),
	text('respondent'),
	text('variable'),
	text('severity'),
	num('score'),
	text('message'),
	text('evidence')
]);
const SCORE_DICT = dict([num('row'), text('respondent'), num('score'), text('verdict'), text('reasons')]);
const SLICE = 50_000;

export async function storeResults(db: SqlDb, runs: CheckRun[], scores: Map<number, RespondentScore>): Promise<void> {
	await db.exec(`DROP TABLE IF EXISTS ${FINDINGS_TABLE}; DROP TABLE IF EXISTS ${SCORES_TABLE}`);
	await appendFindings(
		db,
		runs.flatMap((r) => r.findings),
		0,
		true
	);
	const list = [...scores.values()];
	let first = true;
	for (let at = 0; at < list.length || first; at += SLICE) {
		const part = list.slice(at, at + SLICE);
		const ipc = batchToIPC(
			SCORE_DICT,
			{
				length: part.length,
				columns: [
					Float64Array.from(part, (s) => s.row),
					part.map((s) => String(s.respondent)),
					Float64Array.from(part, (s) => s.score),
					part.map((s) => s.verdict),
					part.map((s) => JSON.stringify(s.reasons.map(({ check, severity, message }) => ({ check, severity, message }))))
				]
			},
			at + 1
		);
		await db.insertArrowIPC(SCORES_TABLE, ipc, first);
		first = false;
	}
}

/**
 * Appends findings to the findings table in slices (creating it when `create`); `__row` numbers on
 * from the `stored` findings before them, so the table reads back in the order findings were made.
 */
export async function appendFindings(db: SqlDb, findings: readonly Finding[], stored: number, create: boolean): Promise<void> {
	for (let at = 0; at < findings.length || (create && at === 0); at += SLICE) {
		const part = findings.slice(at, at + SLICE);
		const ipc = batchToIPC(
			FINDING_DICT,
			{
				length: part.length,
				columns: [
					part.map((f) => f.check),
					part.map((f) => f.level),
					Float64Array.from(part, (f) => f.row ?? NaN),
					part.map((f) => (f.respondent === undefined ? null : String(f.respondent))),
					part.map((f) => f.variable ?? null),
					part.map((f) => f.severity),
					Float64Array.from(part, (f) => f.score),
					part.map((f) => f.message),
					part.map((f) => JSON.stringify(f.evidence))
				]
			},
			stored + at + 1
		);
		await db.insertArrowIPC(FINDINGS_TABLE, ipc, create && at === 0);
	}
}
