/**
 * Reads a 1M-row × 60-column .sav (bytecode and zlib, written by our writer) through a file
 * ByteSource and prints MB/s (file bytes) and rows/s; then times DuckDB-WASM's read_csv on the same
 * data as CSV. ROWS=100000 npx tsx bench/spss-read.bench.ts for a quick run.
 */
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ColumnBatch } from '../app/lib/io/batch';
import { fileSource } from '../app/lib/io/node-source';
import { openSav } from '../app/lib/io/spss/index';
import { writeSav } from '../app/lib/io/spss/write/index';
import { fileSink, nodeDeflate } from '../app/lib/io/spss/write/node-sink';
import { openNodeDb } from '../app/lib/engine/duckdb/node';
import { SURVEY_DICTIONARY, seededRandom, surveyBatch } from './lib/survey-columns';

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const BATCH = 20_000;
const variables = SURVEY_DICTIONARY.variables;
const dict = SURVEY_DICTIONARY;

function* batches(): Generator<ColumnBatch> {
	const rand = seededRandom();
	for (let start = 0; start < ROWS; start += BATCH) yield surveyBatch(start, Math.min(BATCH, ROWS - start), rand);
}

async function writeCsv(file: string): Promise<void> {
	const out = createWriteStream(file);
	const write = (s: string) => new Promise<void>((resolve) => (out.write(s) ? resolve() : out.once('drain', resolve)));
	await write(variables.map((v) => v.name).join(',') + '\n');
	for (const b of batches()) {
		const lines: string[] = [];
		for (let r = 0; r < b.length; r++) {
			lines.push(
				b.columns
					.map((c) => {
						const x = c[r];
						return typeof x === 'number' ? (Number.isNaN(x) ? '' : String(x)) : (x ?? '');
					})
					.join(',')
			);
		}
		await write(lines.join('\n') + '\n');
	}
	await new Promise<void>((resolve) => out.end(resolve));
}

const dir = mkdtempSync(path.join(tmpdir(), 'sieve-read-bench-'));
const fmt = (n: number) => Math.round(n).toLocaleString('en');
console.log(
	`openSav: ${ROWS.toLocaleString('en')} rows × ${dict.variables.length} columns (40 numeric, 20 string), Node ${process.version}`
);
console.log('file                 |   MB | write s | read s |  MB/s |     rows/s');
try {
	for (const compression of ['none', 'bytecode', 'zlib'] as const) {
		const file = path.join(dir, `bench-${compression}.${compression === 'zlib' ? 'zsav' : 'sav'}`);
		const sink = await fileSink(file);
		const w0 = performance.now();
		await writeSav(dict, batches(), { compression, rowCount: ROWS, deflate: nodeDeflate }, sink);
		await sink.close();
		const ws = (performance.now() - w0) / 1000;
		const source = await fileSource(file);
		const t0 = performance.now();
		const reader = await openSav(source);
		let rows = 0;
		for await (const b of reader.batches()) rows += b.length;
		const s = (performance.now() - t0) / 1000;
		await source.close();
		if (rows !== ROWS) throw new Error(`${file}: read ${rows} rows, wrote ${ROWS}`);
		const mb = statSync(file).size / 1e6;
		console.log(
			`${compression.padEnd(20)} | ${mb.toFixed(0).padStart(4)} | ${ws.toFixed(1).padStart(7)} | ${s.toFixed(2).padStart(6)} | ${(mb / s).toFixed(0).padStart(5)} | ${fmt(rows / s).padStart(10)}`
		);
	}

	const csv = path.join(dir, 'bench.csv');
	await writeCsv(csv);
	const bytes = new Uint8Array(readFileSync(csv));
	const db = await openNodeDb();
	await db.registerBuffer('bench.csv', bytes);
	const t0 = performance.now();
	await db.exec(`CREATE TABLE t AS SELECT * FROM read_csv('bench.csv', header = true)`);
	const s = (performance.now() - t0) / 1000;
	const n = Number((await db.query('SELECT count(*) AS n FROM t')).toArray()[0].n);
	await db.close();
	const mb = bytes.length / 1e6;
	console.log(
		`${'DuckDB read_csv'.padEnd(20)} | ${mb.toFixed(0).padStart(4)} |       - | ${s.toFixed(2).padStart(6)} | ${(mb / s).toFixed(0).padStart(5)} | ${fmt(n / s).padStart(10)}`
	);
} finally {
	rmSync(dir, { recursive: true, force: true });
}
