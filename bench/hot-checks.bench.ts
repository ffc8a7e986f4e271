/**
 * The hot checks one at a time on one imported file: wall and process CPU ms (CPU counts every DuckDB
 * thread, so it is the fair measure on a shared machine) and findings. `npx tsx bench/hot-checks.bench.ts
 * [FILE] [check,check] [FINDINGS.json]`; FILE defaults to a generated 200k × 60 survey with prose open ends.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { loadFile } from '../app/cli/load';
import { createRunState, gridIndices } from '../app/lib/engine/checks/context';
import { runChecks } from '../app/lib/engine/checks/registry';
import { detectRoles } from '../app/lib/engine/roles';
import type { SqlDb, SqlValue } from '../app/lib/engine/sql/db';

const HOT = ['duplicates', 'patterns', 'distribution', 'categories', 'repeated-items', 'types', 'completeness', 'text-quality'];
const file = process.argv[2] ?? '/tmp/sieve-bench-200000-60-prose.csv';
const only = process.argv[3] ? process.argv[3].split(',') : HOT;
if (!existsSync(file)) {
	const args = ['tsx', 'app/cli/gen.ts', '--rows', '200000', '--cols', '60', '--out', file, '--seed', '11', '--open-ends', 'prose'];
	if (spawnSync('npx', args, { stdio: 'inherit' }).status !== 0) process.exit(1);
}
const cpu = () => {
	const u = process.cpuUsage();
	return (u.user + u.system) / 1000;
};
const loaded = await loadFile(file, { engine: 'native', respondentId: true });
const { result } = loaded;
// HOT_STATEMENTS=1 lists each check's slowest statements, to see where its time goes
const statements: { check: string; sql: string; params: SqlValue[]; ms: number }[] = [];
let current = 'roles';
const db: SqlDb = process.env.HOT_STATEMENTS
	? {
			...loaded.db,
			async query(text, params = []) {
				const t = performance.now();
				const res = await loaded.db.query(text, params);
				statements.push({ check: current, sql: text, params, ms: performance.now() - t });
				return res;
			}
		}
	: loaded.db;
const roles = await detectRoles(db, result.dictionary, {});
const state = await createRunState(db, result.dictionary, roles, {});
// the grids' careless indices are shared by several checks: computed first so no check is charged for them
let w = performance.now();
let c = cpu();
for (const g of roles.grids) await gridIndices(state, g);
const rowCount = (await db.query('SELECT count(*) AS n FROM data')).getChild('n')!.get(0);
const lines = [`${file}: ${rowCount} rows; grid indices ${Math.round(performance.now() - w)} ms wall, ${Math.round(cpu() - c)} ms CPU`];
lines.push(`${'check'.padEnd(16)}${'wall ms'.padStart(9)}${'cpu ms'.padStart(9)}${'findings'.padStart(10)}`);
const findings: Record<string, unknown[]> = {};
for (const id of only) {
	current = id;
	w = performance.now();
	c = cpu();
	const [run] = await runChecks(db, result.dictionary, roles, {}, { state, only: [id] });
	const wall = performance.now() - w;
	lines.push(
		`${id.padEnd(16)}${String(Math.round(wall)).padStart(9)}${String(Math.round(cpu() - c)).padStart(9)}${String(run.findings.length).padStart(10)}${run.error ? ' ERROR ' + run.error : ''}`
	);
	findings[id] = run.findings;
}
for (const st of statements
	.filter((x) => x.ms > 100)
	.sort((a, b) => b.ms - a.ms)
	.slice(0, 25))
	lines.push(`  ${st.check} ${Math.round(st.ms)} ms: ${st.sql.replace(/\s+/g, ' ').slice(0, 300)}`);
// HOT_STATEMENTS=explain adds DuckDB's EXPLAIN ANALYZE of the slowest ones (temp tables are gone by then: those fail)
if (process.env.HOT_STATEMENTS === 'explain')
	for (const st of statements.sort((a, b) => b.ms - a.ms).slice(0, 6)) {
		try {
			const plan = await loaded.db.query(`EXPLAIN ANALYZE ${st.sql}`, st.params);
			lines.push(String(plan.getChild('explain_value')!.get(0)));
		} catch (e) {
			lines.push(`  (no plan: ${(e as Error).message.slice(0, 80)})`);
		}
	}
lines.push(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
process.stdout.write(`${lines.join('\n')}\n`);
if (process.argv[4]) writeFileSync(process.argv[4], JSON.stringify(findings));
await db.close();
