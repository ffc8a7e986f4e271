/**
 * The full standard check suite on a generated 1M × 60 survey: per check and total on DuckDB-WASM in
 * Node (the browser's engine; `native` as 2nd argument for `sieve`'s), peak RSS, and every SQL
 * statement the suite ran replayed on bare native DuckDB (@duckdb/node-api) for the ratio to SQL
 * alone. `npx tsx bench/checks.bench.ts [ROWS] [wasm|native]`.
 * `BENCH_OPEN_ENDS=prose` uses mostly unique, multilingual open ends (the realistic case) instead of the demo's phrases.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadFile } from '../app/cli/load';
import { createRunState } from '../app/lib/engine/checks/context';
import { runChecks } from '../app/lib/engine/checks/registry';
import { detectRoles } from '../app/lib/engine/roles';
import { scoreRespondents } from '../app/lib/engine/scoring';
import type { SqlDb, SqlValue } from '../app/lib/engine/sql/db';

const rows = Number(process.argv[2] ?? 1_000_000);
const cols = 60;
const openEnds = process.env.BENCH_OPEN_ENDS === 'prose' ? 'prose' : 'phrases';
const file = `/tmp/sieve-bench-${rows}-${cols}${openEnds === 'prose' ? '-prose' : ''}.parquet`;
if (!existsSync(file)) {
	process.stderr.write(`generating ${file}\n`);
	const r = spawnSync(
		'npx',
		['tsx', 'app/cli/gen.ts', '--rows', String(rows), '--cols', String(cols), '--out', file, '--seed', '11', '--open-ends', openEnds],
		{
			stdio: 'inherit'
		}
	);
	if (r.status !== 0) process.exit(1);
}

interface Stmt {
	check: string;
	sql: string;
	params: SqlValue[];
	ms: number;
}
const log: Stmt[] = [];
let current = 'roles';

function recording(db: SqlDb): SqlDb {
	return {
		...db,
		async query(sql, params = []) {
			const t = performance.now();
			const res = await db.query(sql, params);
			log.push({ check: current, sql, params, ms: performance.now() - t });
			return res;
		}
	};
}

const rss = () => Math.round(process.resourceUsage().maxRSS / 1024);
const t0 = performance.now();
const { db: raw, result } = await loadFile(file, { engine: process.argv[3] === 'native' ? 'native' : 'wasm' });
const loadMs = performance.now() - t0;
const db = recording(raw);
const tRoles = performance.now();
const roles = await detectRoles(db, result.dictionary, {});
const rolesMs = performance.now() - tRoles;
const state = await createRunState(db, result.dictionary, roles, {});
const perCheck = new Map<string, number>();
const tRun = performance.now();
const runs = await runChecks(
	db,
	result.dictionary,
	roles,
	{},
	{
		state,
		onProgress: (p) => {
			if (p.state === 'start') current = p.id;
			else {
				perCheck.set(p.id, p.ms ?? 0);
				process.stderr.write(`  ${p.id} ${p.ms} ms\n`);
			}
		}
	}
);
const scores = scoreRespondents(runs.flatMap((r) => r.findings));
const suiteMs = performance.now() - tRun;
const wasmRss = rss();

// the same statements on native DuckDB, over the same file typed the same way (checked below)
const wasmSchema = (
	await raw.query(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'data' ORDER BY ordinal_position`)
)
	.toArray()
	.map((r) => `${r.column_name}:${r.data_type}`);
await raw.close();
process.stderr.write(`replaying ${log.length} statements on native DuckDB\n`);

async function native(threads: number): Promise<Map<string, number>> {
	const inst = await DuckDBInstance.create(':memory:', { threads: String(threads) });
	const conn = await inst.connect();
	await conn.run(
		`CREATE TABLE data AS SELECT CAST(file_row_number + 1 AS INTEGER) AS __row, * EXCLUDE (file_row_number) FROM read_parquet('${file}', file_row_number = true) ORDER BY file_row_number`
	);
	const schema = (
		await conn.runAndReadAll(
			`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'data' ORDER BY ordinal_position`
		)
	)
		.getRows()
		.map((r) => `${r[0]}:${r[1]}`);
	if (schema.join() !== wasmSchema.join())
		throw new Error(`native table differs from the imported one:\n${schema.join(' ')}\n${wasmSchema.join(' ')}`);
	const out = new Map<string, number>();
	for (const s of log) {
		const t = performance.now();
		await conn.runAndReadAll(s.sql, s.params as never[]);
		out.set(s.check, (out.get(s.check) ?? 0) + performance.now() - t);
	}
	conn.closeSync();
	return out;
}
const native2 = await native(2);
const native1 = await native(1);

const wasmSql = new Map<string, number>();
for (const s of log) wasmSql.set(s.check, (wasmSql.get(s.check) ?? 0) + s.ms);
const pad = (s: string | number, n: number) => String(s).padStart(n);
const lines = [
	`rows ${rows.toLocaleString()} × ${result.dictionary.variables.length} variables; import ${Math.round(loadMs)} ms; roles ${Math.round(rolesMs)} ms`,
	`${'check'.padEnd(16)}${pad('wasm ms', 9)}${pad('wasm sql', 10)}${pad('native2', 9)}${pad('native1', 9)}${pad('ratio2', 8)}${pad('flagged', 9)}`
];
let sumSql = 0,
	sumN2 = 0,
	sumN1 = 0;
for (const r of runs) {
	const w = wasmSql.get(r.id) ?? 0;
	const n2 = native2.get(r.id) ?? 0;
	const n1 = native1.get(r.id) ?? 0;
	sumSql += w;
	sumN2 += n2;
	sumN1 += n1;
	lines.push(
		`${r.id.padEnd(16)}${pad(r.ms, 9)}${pad(Math.round(w), 10)}${pad(Math.round(n2), 9)}${pad(Math.round(n1), 9)}${pad(n2 ? (w / n2).toFixed(1) : '-', 8)}${pad(r.flagged, 9)}${r.error ? ' ERROR ' + r.error : r.skipped ? ' skipped' : ''}`
	);
}
lines.push(
	`${'total suite'.padEnd(16)}${pad(Math.round(suiteMs), 9)}${pad(Math.round(sumSql), 10)}${pad(Math.round(sumN2), 9)}${pad(Math.round(sumN1), 9)}${pad((sumSql / sumN2).toFixed(1), 8)}`
);
lines.push(
	`statements ${log.length}; SQL share of the WASM suite ${Math.round((100 * sumSql) / suiteMs)} %; peak RSS after the WASM run ${wasmRss} MB, at the end ${rss()} MB`
);
lines.push(
	`verdicts: ${[...scores.values()].filter((s) => s.verdict === 'remove').length} remove, ${[...scores.values()].filter((s) => s.verdict === 'review').length} review`
);
process.stdout.write(`${lines.join('\n')}\n`);
