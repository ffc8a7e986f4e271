/**
 * `sieve check` end to end (import, every check, scoring, RESULT) on each DuckDB binding, as a
 * child process so each run has its own peak RSS: per-check ms, total and peak RSS per engine.
 * `npx tsx bench/check-engines.bench.ts [ROWS] [ENGINES] [FILE]`, e.g. `1000000 native,wasm`;
 * without FILE a ROWS × 60 CSV survey is generated in the temp directory (and kept for the next run).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const rows = Number(process.argv[2] ?? 1_000_000);
const engines = (process.argv[3] ?? 'native,wasm').split(',');
const file = process.argv[4] ?? path.join(tmpdir(), `sieve-bench-${rows}-60.csv`);
if (!existsSync(file)) {
	process.stderr.write(`generating ${file}\n`);
	const gen = ['tsx', 'app/cli/gen.ts', '--rows', String(rows), '--cols', '60', '--seed', '11', '--out', file];
	if (spawnSync('npx', gen, { stdio: 'inherit' }).status !== 0) process.exit(1);
}

interface Run {
	perCheck: Map<string, number>;
	wallMs: number;
	/** The command's own total: checks, scoring and writing RESULT. */
	checkMs: number;
	peakMb: number;
	/** CPU seconds (user + system): on a shared machine wall time says more about the neighbours. */
	cpuS: number;
}

/** Runs `sieve check` under GNU time, which reports the peak RSS of the process tree's largest member. */
function run(engine: string): Promise<Run> {
	const out = path.join(tmpdir(), `sieve-bench-result-${engine}-${process.pid}.json`);
	const args = ['-f', 'peak-kb %M cpu %U %S', 'npx', 'tsx', 'app/cli/sieve.ts', 'check', file, '--out', out, '--engine', engine];
	return new Promise((resolve, reject) => {
		const t0 = performance.now();
		const child = spawn('/usr/bin/time', args, { stdio: ['ignore', 'ignore', 'pipe'] });
		let err = '';
		child.stderr.on('data', (d: Buffer) => {
			err += d.toString();
			process.stderr.write(d);
		});
		child.on('close', async (code) => {
			await rm(out, { force: true });
			if (code !== 0) return reject(new Error(`${engine}: sieve check exited ${code}`));
			const perCheck = new Map<string, number>();
			const cpu = /cpu ([\d.]+) ([\d.]+)/.exec(err);
			for (const m of err.matchAll(/^\[\d+\/\d+\] (\S+) (\d+) ms$/gm)) perCheck.set(m[1], Number(m[2]));
			resolve({
				perCheck,
				wallMs: performance.now() - t0,
				checkMs: Number(/remove \((\d+) ms\)/.exec(err)?.[1] ?? NaN),
				peakMb: Math.round(Number(/peak-kb (\d+)/.exec(err)?.[1] ?? NaN) / 1024),
				cpuS: cpu ? Number(cpu[1]) + Number(cpu[2]) : NaN
			});
		});
	});
}

const results = new Map<string, Run>();
for (const e of engines) results.set(e, await run(e));

const pad = (s: string | number, n: number) => String(s).padStart(n);
const ids = [...new Set([...results.values()].flatMap((r) => [...r.perCheck.keys()]))];
const lines = [
	`${path.basename(file)}: ${rows.toLocaleString()} rows`,
	`${'check'.padEnd(16)}${engines.map((e) => pad(`${e} ms`, 12)).join('')}`
];
for (const id of ids) lines.push(`${id.padEnd(16)}${engines.map((e) => pad(results.get(e)!.perCheck.get(id) ?? '-', 12)).join('')}`);
const row = (label: string, f: (r: Run) => number) =>
	`${label.padEnd(16)}${engines.map((e) => pad(Math.round(f(results.get(e)!)), 12)).join('')}`;
lines.push(
	row('checks+RESULT', (r) => r.checkMs),
	row('wall (incl. import)', (r) => r.wallMs),
	row('peak RSS MB', (r) => r.peakMb)
);
process.stdout.write(`${lines.join('\n')}\n`);
