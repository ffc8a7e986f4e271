/**
 * Calibration of the duplicates check (issue 11): the share of respondents it sends to review
 * (warning or error) on real surveys that hold no planted copies, recall of the planted exact and
 * near duplicates of the demo survey, and the check's time on a generated 100k-row survey.
 * `npx tsx bench/duplicates.bench.ts [ROWS]` (ROWS for the timed survey, default 100,000).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFile } from '../app/cli/load';
import { generateDemo } from '../app/lib/demo';
import type { Dictionary } from '../app/lib/dataset/dictionary';
import type { SieveConfig } from '../app/lib/engine/checks/config';
import duplicates from '../app/lib/engine/checks/duplicates';
import { createContext, createRunState } from '../app/lib/engine/checks/context';
import type { Finding } from '../app/lib/engine/checks/types';
import { openNodeDb } from '../app/lib/engine/duckdb/node';
import { detectRoles } from '../app/lib/engine/roles';
import type { SqlDb } from '../app/lib/engine/sql/db';
import { batchToIPC } from '../app/lib/io/arrow-ipc';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const rows = Number(process.argv[2] ?? 100_000);

/** Wall time, and this process's CPU time (DuckDB-WASM runs in it), which other load on the machine disturbs less. */
async function run(db: SqlDb, dict: Dictionary, config: SieveConfig = {}): Promise<{ findings: Finding[]; ms: number; cpu: number }> {
	const roles = await detectRoles(db, dict, config);
	const state = await createRunState(db, dict, roles, config);
	const t = performance.now();
	const c = process.cpuUsage();
	const findings = await duplicates.run(createContext(state, duplicates));
	const used = process.cpuUsage(c);
	return { findings, ms: performance.now() - t, cpu: (used.user + used.system) / 1000 };
}

const flaggedRows = (f: Finding[]) => new Set(f.filter((x) => x.severity !== 'info' && x.evidence.kind !== 'id').map((x) => x.row));
const dependenceOf = (f: Finding[]) => f.find((x) => typeof x.evidence.dependence === 'number')?.evidence.dependence ?? '—';
const share = (k: number, n: number) => `${k} (${((100 * k) / n).toFixed(2)} %)`;

// "independent" runs the same check with checks.duplicates.dependence = 1 (no correction for correlated items)
const table: string[] = [
	'| data | respondents | flagged (warning/error) | flagged, items taken as independent | dependence factor | ms (CPU ms) |',
	'|---|---:|---:|---:|---:|---:|'
];
for (const file of [
	'tests/fixtures/real/fair.csv',
	'tests/fixtures/real/anes96.csv',
	'tests/fixtures/sav/pspp_llz.zsav',
	'tests/fixtures/sav/srw_employee_data.sav'
]) {
	const { db, result } = await loadFile(path.join(root, file));
	const n = Number((await db.query('SELECT count(*) AS n FROM data')).toArray()[0].n);
	const { findings, ms, cpu } = await run(db, result.dictionary);
	const indep = await run(db, result.dictionary, { checks: { duplicates: { dependence: 1 } } });
	table.push(
		`| ${path.basename(file)} | ${n} | ${share(flaggedRows(findings).size, n)} | ${share(flaggedRows(indep.findings).size, n)} | ${dependenceOf(findings)} | ${Math.round(ms)} (${Math.round(cpu)}) |`
	);
	await db.close();
}

for (const seed of [1, 2, 3]) {
	const demo = generateDemo({ rows: 2000, seed });
	const db = await openNodeDb();
	let first = 1;
	for (const b of demo.batches()) {
		await db.insertArrowIPC('data', batchToIPC(demo.dictionary, b, first), first === 1);
		first += b.length;
	}
	const { findings, ms, cpu } = await run(db, demo.dictionary);
	const hit = new Set(findings.filter((x) => x.severity !== 'info').map((x) => x.respondent));
	const planted = (kind: string) => demo.truth.filter((t) => t.kind === kind).map((t) => t.rid);
	const recall = (kind: string) => `${planted(kind).filter((r) => hit.has(r)).length}/${planted(kind).length}`;
	const plantedAll = new Set([...planted('exact-duplicate'), ...planted('near-duplicate')]);
	const falseFlags = [...hit].filter((r) => !plantedAll.has(r as number)).length;
	table.push(
		`| demo 2000 seed ${seed}: recall exact ${recall('exact-duplicate')}, near ${recall('near-duplicate')} | 2000 | ${falseFlags} not planted as copies | | ${dependenceOf(findings)} | ${Math.round(ms)} (${Math.round(cpu)}) |`
	);
	await db.close();
}

const big = `/tmp/sieve-bench-dup-${rows}.parquet`;
if (!existsSync(big)) {
	const r = spawnSync('npx', ['tsx', 'app/cli/gen.ts', '--rows', String(rows), '--out', big, '--seed', '11'], {
		cwd: root,
		stdio: 'inherit'
	});
	if (r.status !== 0) process.exit(1);
}
{
	const { db, result } = await loadFile(big);
	const { findings, ms, cpu } = await run(db, result.dictionary);
	const truth = (JSON.parse(readFileSync(`${big}.truth.json`, 'utf8')) as { problems: { rid: number; kind: string }[] }).problems;
	const hit = new Set(findings.filter((x) => x.severity !== 'info' && x.evidence.kind !== 'id').map((x) => x.respondent));
	const recall = (kind: string) => {
		const planted = truth.filter((t) => t.kind === kind);
		return `${planted.filter((t) => hit.has(t.rid)).length}/${planted.length}`;
	};
	table.push(
		`| generated ${rows} (npm run gen, seed 11): recall exact ${recall('exact-duplicate')}, near ${recall('near-duplicate')} | ${rows} | ${share(flaggedRows(findings).size, rows)} | | ${dependenceOf(findings)} | ${Math.round(ms)} (${Math.round(cpu)}) |`
	);
	await db.close();
}
process.stdout.write(table.join('\n') + '\n');
