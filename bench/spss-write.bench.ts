/**
 * Writes 1M rows × 60 columns (40 numeric, 20 string) as .sav with each compression into a temp
 * file through a seekable sink, and prints MB/s (bytes written) and rows/s. Pass ROWS=n to shrink it.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ColumnBatch } from '../app/lib/io/batch';
import { writeSav } from '../app/lib/io/spss/write/index';
import { fileSink, nodeDeflate } from '../app/lib/io/spss/write/node-sink';
import { SURVEY_DICTIONARY, seededRandom, surveyBatch } from './lib/survey-columns';

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const BATCH = 20_000;
const dict = SURVEY_DICTIONARY;

// Generated before timing and then cycled, so the figures measure the writer, not the generator.
const rand = seededRandom();
const pool = Array.from({ length: 10 }, (_, i) => surveyBatch(i * BATCH, BATCH, rand));

function* batches(): Generator<ColumnBatch> {
	for (let start = 0, i = 0; start < ROWS; start += BATCH, i++) {
		const b = pool[i % pool.length];
		const n = Math.min(BATCH, ROWS - start);
		yield n === BATCH ? b : { length: n, columns: b.columns.map((c) => c.slice(0, n)) };
	}
}

const dir = mkdtempSync(path.join(tmpdir(), 'sieve-bench-'));
console.log(`writeSav: ${ROWS.toLocaleString('en')} rows × ${dict.variables.length} columns (40 numeric, 20 string)`);
// CPU seconds are shown too: on a shared machine wall-clock figures mostly measure the neighbours.
console.log('compression              | MB written | seconds | MB/s | rows/s | CPU s | MB per CPU s');
const runs = [
	['none', 'none', undefined],
	['bytecode', 'bytecode', undefined],
	['zlib', 'zlib (CompressionStream)', undefined],
	['zlib', 'zlib (node level 1)', nodeDeflate]
] as const;
for (const [compression, title, deflate] of runs) {
	const file = path.join(dir, `bench-${compression}.sav`);
	const sink = await fileSink(file);
	const t0 = performance.now();
	const cpu0 = process.cpuUsage();
	await writeSav(dict, batches(), { compression, rowCount: ROWS, deflate }, sink);
	await sink.close();
	const s = (performance.now() - t0) / 1000;
	const cpu = process.cpuUsage(cpu0);
	const cpuS = (cpu.user + cpu.system) / 1e6;
	const mb = statSync(file).size / 1e6;
	console.log(
		`${title.padEnd(24)} | ${mb.toFixed(1).padStart(10)} | ${s.toFixed(2).padStart(7)} | ${(mb / s).toFixed(1).padStart(5)} | ${Math.round(ROWS / s).toLocaleString('en')} | ${cpuS.toFixed(2)} | ${(mb / cpuS).toFixed(1)}`
	);
}
rmSync(dir, { recursive: true, force: true });
