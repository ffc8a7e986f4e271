/**
 * CSV import: `sieve inspect FILE --rows 1` (DuckDB-WASM in Node, our sniffing and typing) against
 * native DuckDB's read_csv of the same file into a table, each in its own process under
 * /usr/bin/time (wall, CPU, peak RSS); with BENCH_BROWSER=1 also the import in Chromium (needs a
 * build). The file: BENCH_CSV, else /tmp/sieve-prose-1m-60.csv
 * (`npm run gen -- --rows 1000000 --cols 60 --open-ends prose --out FILE.csv`).
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { importInApp, startApp } from './lib/app';

const FILE = process.env.BENCH_CSV ?? '/tmp/sieve-prose-1m-60.csv';

if (process.argv[2] === '--native') {
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	await conn.run('CREATE TABLE t AS SELECT * FROM read_csv(?)', [FILE]);
	const n = (await conn.runAndReadAll('SELECT count(*)::INTEGER AS n FROM t')).getRowObjects()[0].n;
	process.stdout.write(`${n}\n`);
	process.exit(0);
}

interface Run {
	wall: number;
	cpu: number;
	rssMb: number;
	out: string;
}

function timed(args: string[]): Run {
	const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', ...args], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
	if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr.slice(-500)}`);
	const [wall, user, sys, kb] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
	return { wall, cpu: user + sys, rssMb: kb / 1024, out: r.stdout };
}

const mb = statSync(FILE).size / 1e6;
console.log(`${FILE}: ${mb.toFixed(0)} MB, Node ${process.version}`);
const native = timed(['npx', 'tsx', 'bench/import-csv.bench.ts', '--native']);
const sieve = timed(['npx', 'tsx', 'app/cli/sieve.ts', 'inspect', FILE, '--rows', '1', '--json']);
const rows = (JSON.parse(sieve.out) as { rows: number }).rows;
if (rows !== Number(native.out.trim())) throw new Error(`sieve read ${rows} rows, DuckDB ${native.out.trim()}`);
const row = (name: string, r: Run) => ({ name, 'wall s': r.wall.toFixed(1), 'cpu s': r.cpu.toFixed(1), 'peak RSS MB': r.rssMb.toFixed(0) });
console.table([row('native DuckDB read_csv', native), row('sieve inspect --rows 1', sieve)]);
console.log(
	`sieve / native: ${(sieve.wall / native.wall).toFixed(1)}× wall, ${(sieve.cpu / native.cpu).toFixed(1)}× CPU; rows ${rows.toLocaleString('en')}`
);

if (process.env.BENCH_BROWSER) {
	const app = await startApp(4206);
	try {
		const page = await (await app.browser.newContext({ serviceWorkers: 'block' })).newPage();
		const seconds = await importInApp(page, app.base, FILE, rows);
		console.log(`Chromium import: ${seconds.toFixed(1)} s, ${(mb / seconds).toFixed(1)} MB/s`);
	} finally {
		await app.stop();
	}
}
