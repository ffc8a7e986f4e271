/**
 * Runs GNU PSPP (the oracle) on a data file and returns its tables parsed from the CSV output
 * driver. Throws when pspp is missing, so tests fail loudly rather than skip.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseCsv } from '../pspp-expected';

export interface PsppResult {
	tables: Map<string, string[][]>;
	/** Lines of PSPP's output that are warnings or errors. */
	problems: string[];
}

export function requirePspp(): void {
	const r = spawnSync('pspp', ['--version'], { encoding: 'utf8' });
	if (r.error || r.status !== 0) {
		throw new Error('GNU PSPP is not installed (`pspp` not on PATH): install it (apt-get install pspp); these tests use it as the oracle');
	}
}

/** Opens `file` (GET FILE or IMPORT FILE) then runs `commands`; numeric columns print as E40.16 when listed. */
export function runPspp(file: string, commands: string[], opts: { portable?: boolean } = {}): PsppResult {
	requirePspp();
	const dir = mkdtempSync(path.join(tmpdir(), 'sieve-pspp-'));
	const syntax = path.join(dir, 'run.sps');
	const out = path.join(dir, 'out.csv');
	const open = opts.portable ? `IMPORT FILE='${file}'.` : `GET FILE='${file}'.`;
	writeFileSync(syntax, ['SET TVARS=NAMES.', open, ...commands, ''].join('\n'));
	const r = spawnSync('pspp', ['-O', 'format=csv', '-o', out, syntax], { encoding: 'utf8' });
	if (r.error) throw r.error;
	const text = readFileSync(out, 'utf8');
	const tables = new Map<string, string[][]>();
	let current: string[][] | null = null;
	const problems: string[] = [];
	for (const row of parseCsv(text)) {
		if (row.length === 1 && row[0].startsWith('Table: ')) {
			current = [];
			tables.set(row[0].slice(7), current);
		} else if (row.length === 1 && row[0] === '') current = null;
		else if (current) current.push(row);
		else if (/warning|error/i.test(row.join(','))) problems.push(row.join(','));
	}
	const stdout = `${r.stdout}\n${r.stderr}`;
	for (const line of stdout.split('\n')) if (/warning|error/i.test(line)) problems.push(line);
	if (r.status !== 0 && problems.length === 0) problems.push(`pspp exited with ${r.status}`);
	return { tables, problems };
}

/** PSPP's E40.16 text → number; "." is system-missing. */
export function psppNumber(text: string): number {
	return text.trim() === '.' ? NaN : Number(text);
}

/** What a double looks like after PSPP prints it with 16 significant digits. */
export function sixteenDigits(x: number): number {
	return Number.isNaN(x) ? NaN : Number(x.toPrecision(16));
}
