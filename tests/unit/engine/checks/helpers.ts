import { afterAll, beforeAll } from 'vitest';
import { openNodeDb } from '../../../../app/lib/engine/duckdb/node';
import type { SqlDb } from '../../../../app/lib/engine/sql/db';
import type { Dictionary, Variable, VarType } from '../../../../app/lib/dataset/dictionary';
import { batchToIPC } from '../../../../app/lib/io/arrow-ipc';
import type { Demo } from '../../../../app/lib/demo';
import { detectRoles } from '../../../../app/lib/engine/roles';
import { createContext, createRunState } from '../../../../app/lib/engine/checks/context';
import type { SieveConfig } from '../../../../app/lib/engine/checks/config';
import type { Check, Finding } from '../../../../app/lib/engine/checks/types';
import type { SurveyRoles } from '../../../../app/lib/engine/roles/types';

export function variable(name: string, type: VarType = 'numeric', extra: Partial<Variable> = {}): Variable {
	return {
		name,
		label: null,
		type,
		width: type === 'string' ? 64 : 8,
		format: type === 'string' ? 'A64' : type === 'date' ? 'DATE11' : type === 'datetime' ? 'DATETIME20' : 'F8.2',
		measure: 'unknown',
		valueLabels: {},
		missing: { values: [], range: null },
		...extra
	};
}

export const dictionaryOf = (variables: Variable[]): Dictionary => ({ variables, encoding: 'UTF-8', warnings: [] });

const SQL_TYPE: Record<VarType, string> = { numeric: 'DOUBLE', string: 'VARCHAR', date: 'DATE', datetime: 'TIMESTAMP', time: 'DOUBLE' };

/**
 * Creates `data` from literal rows (one array per respondent, in variable order) with `__row` 1..n.
 * Values go in as bound parameters.
 */
export async function tableOf(db: SqlDb, dict: Dictionary, values: unknown[][]): Promise<void> {
	const cols = dict.variables.map((v) => `"${v.name.replaceAll('"', '""')}" ${SQL_TYPE[v.type]}`);
	await db.exec(`DROP TABLE IF EXISTS data; CREATE TABLE data (__row INTEGER, ${cols.join(', ')})`);
	const ph = dict.variables.map((v) => (v.type === 'date' ? '?::DATE' : v.type === 'datetime' ? '?::TIMESTAMP' : '?'));
	for (let i = 0; i < values.length; i += 100) {
		const part = values.slice(i, i + 100);
		const tuples = part.map((_, j) => `(${i + j + 1}, ${ph.join(', ')})`);
		await db.query(`INSERT INTO data VALUES ${tuples.join(', ')}`, part.flat() as never[]);
	}
}

/** Opens DuckDB with `data` from `values` before the suite's tests and closes it after; tests read `.db`. */
export function useTable(dict: Dictionary, values: unknown[][]): { db: SqlDb } {
	const ref = {} as { db: SqlDb };
	beforeAll(async () => {
		ref.db = await openNodeDb();
		await tableOf(ref.db, dict, values);
	});
	afterAll(() => ref.db.close());
	return ref;
}

export async function loadDemo(db: SqlDb, demo: Demo): Promise<void> {
	await db.exec('DROP TABLE IF EXISTS data');
	let first = 1;
	for (const b of demo.batches()) {
		await db.insertArrowIPC('data', batchToIPC(demo.dictionary, b, first), first === 1);
		first += b.length;
	}
}

/** Runs one check on `data` with detected (or given) roles; returns its findings. */
export async function runOne(
	db: SqlDb,
	dict: Dictionary,
	check: Check,
	config: SieveConfig = {},
	roles?: Partial<SurveyRoles>
): Promise<Finding[]> {
	const detected = await detectRoles(db, dict, config);
	const state = await createRunState(db, dict, { ...detected, ...roles }, config);
	return check.run(createContext(state, check));
}

/** Distinct respondents of respondent- or cell-level findings, ascending. */
export function flagged(findings: Finding[], filter: (f: Finding) => boolean = () => true): (string | number)[] {
	const s = new Set<string | number>();
	for (const f of findings) if (f.respondent !== undefined && filter(f)) s.add(f.respondent);
	return [...s].sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : 1));
}

export { openNodeDb };
