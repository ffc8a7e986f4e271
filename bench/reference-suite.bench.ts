/**
 * `sieve check` against a hand-written reference: the classic data-cleaning checks as plain SQL on native
 * DuckDB (@duckdb/node-api), the fastest a careful analyst would get with one SQL script. Both read the
 * same CSV from scratch; the reference needs no role detection because it is written for the generator's
 * columns (`rid`, `duration_s`, grids `qN_i`, open ends `oe_*`, `country`, the demo's ranges).
 * `npx tsx bench/reference-suite.bench.ts [FILE.csv] [classic|full|none]`: `classic` (default) runs
 * `sieve check --only` the checks that do the same work, `full` the whole standard suite.
 * Times are wall and CPU ms (CPU counts every thread: the fair measure on a shared machine). The reference's
 * counts follow textbook cut-offs (χ² 0.999 on raw grid items, IRV < 0.3): a measure of work, not of sieve's findings.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { demoConfig } from '../app/lib/demo/config';
import { quoteIdent } from '../app/lib/engine/sql/quote';

const file = process.argv[2] ?? '/tmp/sieve-bench-200000-60-prose.csv';
const mode = process.argv[3] ?? 'classic';
if (!existsSync(file)) {
	const args = ['tsx', 'app/cli/gen.ts', '--rows', '200000', '--cols', '60', '--out', file, '--seed', '11', '--open-ends', 'prose'];
	if (spawnSync('npx', args, { stdio: 'inherit' }).status !== 0) process.exit(1);
}
/** The sieve checks doing the reference's work: exact duplicates and ids, longstring and IRV, Mahalanobis, e-mail formats, copied open ends. */
const CLASSIC = ['missing', 'duplicates', 'straightlining', 'speeders', 'outliers', 'range', 'formats', 'plagiarism', 'categories'];

const cpu = () => {
	const u = process.cpuUsage();
	return (u.user + u.system) / 1000;
};
const q = (name: string) => quoteIdent(name);
// a long decimal literal is a DECIMAL in DuckDB, and DECIMAL arithmetic over every row is slow
const dbl = (x: number) => `${x}::DOUBLE`;
const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;

async function scalar(conn: DuckDBConnection, text: string): Promise<number> {
	const r = await conn.runAndReadAll(text);
	return Number(r.getRows()[0][0]);
}

type Classic = [string, (conn: DuckDBConnection) => Promise<number>];

/** Each classic check as SQL returning the number of respondents (or groups) it flags. */
function classicChecks(cols: { name: string; type: string }[]): Classic[] {
	const numeric = cols.filter((c) => /DOUBLE|BIGINT|INTEGER|DECIMAL/.test(c.type)).map((c) => c.name);
	const paradata = new Set(['rid', 'start_time', 'end_time', 'duration_s', 'ip', 'user_agent']);
	const answers = cols.map((c) => c.name).filter((n) => !paradata.has(n));
	const grids = new Map<string, string[]>();
	for (const n of numeric) {
		const m = /^(q\d+)_\d+$/.exec(n);
		if (m) grids.set(m[1], [...(grids.get(m[1]) ?? []), n]);
	}
	const items = [...grids.values()];
	const openEnds = cols.map((c) => c.name).filter((n) => n.startsWith('oe_'));
	const ranges = Object.entries(demoConfig({ grids: [] } as never, { variable: '', expected: 0 }, { start: '', end: '' }).ranges);
	const longstring = items.map((g, gi) => {
		const runs = g.map((x, i) =>
			i ? `CASE WHEN ${q(x)} = ${q(g[i - 1])} THEN r${gi}_${i - 1} + 1 ELSE 1 END AS r${gi}_${i}` : `1 AS r${gi}_0`
		);
		return { runs, max: `greatest(${g.map((_, i) => `r${gi}_${i}`).join(', ')}) = ${g.length}` };
	});
	const irv = items.map((g) => {
		const s = g.map((x) => `coalesce(${q(x)}, 0)`).join(' + ');
		const s2 = g.map((x) => `coalesce(${q(x)} * ${q(x)}, 0)`).join(' + ');
		return `sqrt(greatest(0, ((${s2}) - (${s}) * (${s}) / ${g.length}) / ${g.length - 1})) < 0.3`;
	});
	const checks: [string, string][] = [
		['missing', `SELECT count(*) FROM d WHERE ${answers.map((n) => `(${q(n)} IS NULL)::INTEGER`).join(' + ')} > ${answers.length / 2}`],
		['duplicate ids', `SELECT count(*) FROM (SELECT rid FROM d GROUP BY rid HAVING count(*) > 1)`],
		['exact duplicates', `SELECT count(*) FROM (SELECT hash(${answers.map(q).join(', ')}) AS h FROM d GROUP BY h HAVING count(*) > 1)`],
		[
			'longstring',
			`SELECT count(*) FROM (SELECT ${longstring.flatMap((l) => l.runs).join(', ')} FROM d) WHERE ${longstring.map((l) => l.max).join(' OR ')}`
		],
		['irv', `SELECT count(*) FROM d WHERE ${irv.join(' OR ')}`],
		['speeders', `SELECT count(*) FROM d WHERE duration_s < 0.3 * (SELECT median(duration_s) FROM d)`],
		['ranges', `SELECT count(*) FROM d WHERE ${ranges.map(([n, [lo, hi]]) => `${q(n)} NOT BETWEEN ${lo} AND ${hi}`).join(' OR ')}`],
		// the generator has no e-mail column: the same regular expression over the open ends costs the same scan
		[
			'e-mail format',
			`SELECT count(*) FROM d WHERE ${openEnds.map((n) => `(${q(n)} LIKE '%@%' AND NOT regexp_full_match(${q(n)}, '[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}'))`).join(' OR ')}`
		],
		[
			'duplicated open ends',
			`SELECT count(*) FROM (SELECT t FROM (${openEnds.map((n) => `SELECT lower(trim(${q(n)})) AS t FROM d WHERE length(${q(n)}) >= 20`).join(' UNION ALL ')}) GROUP BY t HAVING count(*) > 1)`
		],
		[
			'category clustering',
			`SELECT count(*) FROM (SELECT array_to_string(list_sort(list_distinct(string_split(trim(regexp_replace(lower(strip_accents(country)), '[^a-z0-9]+', ' ', 'g')), ' '))), ' ') AS k
			 FROM (SELECT DISTINCT country FROM d WHERE country IS NOT NULL) GROUP BY k HAVING count(*) > 1)`
		]
	];
	const sql = checks.map(([id, text]): Classic => [id, (conn) => scalar(conn, text)]);
	return [...sql.slice(0, 6), ['mahalanobis', (conn) => mahalanobis(conn, items.flat().slice(0, 20))], ...sql.slice(6)];
}

function invert(a: number[][]): number[][] {
	const n = a.length;
	const m = a.map((row, i) => [...row, ...row.map((_, j) => (i === j ? 1 : 0))]);
	for (let c = 0; c < n; c++) {
		let p = c;
		for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
		[m[c], m[p]] = [m[p], m[c]];
		const d = m[c][c];
		for (let j = 0; j < 2 * n; j++) m[c][j] /= d;
		for (let r = 0; r < n; r++)
			if (r !== c) {
				const f = m[r][c];
				for (let j = 0; j < 2 * n; j++) m[r][j] -= f * m[c][j];
			}
	}
	return m.map((row) => row.slice(n));
}

/** Two scans: means and covariances, then every respondent's D² with the inverse covariance written into the SQL. */
async function mahalanobis(conn: DuckDBConnection, vars: string[]): Promise<number> {
	const k = vars.length;
	const aggs = vars.flatMap((a, i) => vars.slice(i).map((b) => `covar_samp(${q(a)}, ${q(b)})`));
	const [row] = (await conn.runAndReadAll(`SELECT ${vars.map((v) => `avg(${q(v)})`).join(', ')}, ${aggs.join(', ')} FROM d`)).getRows();
	const mean = row.slice(0, k).map(Number);
	const cov = vars.map(() => new Array<number>(k).fill(0));
	let x = k;
	for (let i = 0; i < k; i++) for (let j = i; j < k; j++) cov[i][j] = cov[j][i] = Number(row[x++]);
	const inv = invert(cov);
	const dev = vars.map((v, i) => `coalesce(${q(v)}, ${dbl(mean[i])}) - ${dbl(mean[i])} AS e${i}`);
	const terms = vars.flatMap((_, i) => vars.slice(i).map((__, d) => `${dbl((d ? 2 : 1) * inv[i][i + d])} * e${i} * e${i + d}`));
	// χ²(0.999) for 20 degrees of freedom is 45.3; for other k a Wilson–Hilferty approximation
	const z = 3.0902;
	const crit = k * (1 - 2 / (9 * k) + z * Math.sqrt(2 / (9 * k))) ** 3;
	return scalar(conn, `SELECT count(*) FROM (SELECT ${dev.join(', ')} FROM d) WHERE ${terms.join(' + ')} > ${crit}`);
}

async function reference(): Promise<{ rows: [string, number, number, number][]; wall: number; cpu: number }> {
	const w0 = performance.now();
	const c0 = cpu();
	const inst = await DuckDBInstance.create(':memory:');
	const conn = await inst.connect();
	const out: [string, number, number, number][] = [];
	const timed = async (id: string, f: () => Promise<number>) => {
		const w = performance.now();
		const c = cpu();
		const n = await f();
		out.push([id, performance.now() - w, cpu() - c, n]);
	};
	await timed('load CSV', () => scalar(conn, `CREATE TABLE d AS SELECT * FROM read_csv(${lit(file)}); SELECT count(*) FROM d`));
	const cols = (await conn.runAndReadAll(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'd'`))
		.getRows()
		.map((r) => ({ name: String(r[0]), type: String(r[1]) }));
	for (const [id, run] of classicChecks(cols)) await timed(id, () => run(conn));
	conn.closeSync();
	return { rows: out, wall: performance.now() - w0, cpu: cpu() - c0 };
}

function sieve(): { checks: { id: string; ms: number; flagged: number }[]; wall: number; cpu: number | null; rssMb: number | null } | null {
	if (mode === 'none') return null;
	const out = `/tmp/sieve-reference-suite-${process.pid}.json`;
	const args = [
		'tsx',
		'app/cli/sieve.ts',
		'check',
		file,
		'--out',
		out,
		'--engine',
		'native',
		...(mode === 'classic' ? ['--only', CLASSIC.join(',')] : [])
	];
	const timeBin = existsSync('/usr/bin/time');
	const w = performance.now();
	const r = timeBin
		? spawnSync('/usr/bin/time', ['-f', 'SIEVE_RUSAGE %U %S %M', 'npx', ...args], { encoding: 'utf8' })
		: spawnSync('npx', args, { encoding: 'utf8' });
	const wall = performance.now() - w;
	if (r.status !== 0) throw new Error(`sieve check failed: ${r.stderr.slice(-500)}`);
	const usage = /SIEVE_RUSAGE ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr);
	const result = JSON.parse(readFileSync(out, 'utf8')) as { checks: { id: string; ms: number; flagged: number }[] };
	rmSync(out);
	return {
		checks: result.checks,
		wall,
		cpu: usage ? (Number(usage[1]) + Number(usage[2])) * 1000 : null,
		rssMb: usage ? Math.round(Number(usage[3]) / 1024) : null
	};
}

const ref = await reference();
const s = sieve();
const pad = (x: string | number, n: number) => String(x).padStart(n);
const ms = (x: number) => String(Math.round(x));
const lines = [
	`${file}`,
	`reference suite (native DuckDB SQL)`,
	`${'step'.padEnd(22)}${pad('wall ms', 9)}${pad('cpu ms', 9)}${pad('flagged', 9)}`
];
for (const [id, w, c, n] of ref.rows) lines.push(`${id.padEnd(22)}${pad(ms(w), 9)}${pad(ms(c), 9)}${pad(n, 9)}`);
lines.push(`${'total'.padEnd(22)}${pad(ms(ref.wall), 9)}${pad(ms(ref.cpu), 9)}`);
if (s) {
	lines.push(`sieve check ${mode === 'classic' ? `--only ${CLASSIC.join(',')}` : '(all standard checks)'}, per check ms`);
	for (const c of s.checks) lines.push(`  ${c.id.padEnd(20)}${pad(c.ms, 9)}${pad(c.flagged, 9)}`);
	lines.push(
		`sieve total: ${ms(s.wall)} ms wall${s.cpu === null ? '' : `, ${ms(s.cpu)} ms CPU, peak RSS ${s.rssMb} MB`}; ratio to the reference ${(s.wall / ref.wall).toFixed(1)}× wall${s.cpu === null ? '' : `, ${(s.cpu / ref.cpu).toFixed(1)}× CPU`} (target ≤ 2×)`
	);
}
process.stdout.write(`${lines.join('\n')}\n`);
