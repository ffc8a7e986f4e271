/**
 * Writes 1M rows × 60 columns (40 numeric, 20 string) as .sav with each compression into a temp
 * file through a seekable sink, and prints MB/s (bytes written) and rows/s.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Dictionary, Variable } from '../app/lib/dataset/dictionary';
import type { ColumnBatch } from '../app/lib/io/batch';
import { writeSav } from '../app/lib/io/spss/write/index';
import { fileSink, nodeDeflate } from '../app/lib/io/spss/write/node-sink';

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const BATCH = 20_000;
const NUMERIC = 40;
const STRING = 20;

const variables: Variable[] = [];
for (let i = 0; i < NUMERIC; i++) {
	variables.push({ name: `n${i}`, label: null, type: 'numeric', width: 8, format: i % 2 ? 'F8.0' : 'F10.3', measure: 'scale', valueLabels: {}, missing: { values: [], range: null } });
}
for (let i = 0; i < STRING; i++) {
	variables.push({ name: `s${i}`, label: null, type: 'string', width: i % 4 === 0 ? 40 : 12, format: '', measure: 'nominal', valueLabels: {}, missing: { values: [], range: null } });
}
const dict: Dictionary = { variables, encoding: 'UTF-8', warnings: [] };

const words = ['yes', 'no', 'maybe', 'Zürich', 'n/a', '', 'strongly agree', 'ok'];

/** Survey-like data: small integer codes (compressible), some reals, some sysmis, short answers. */
function* batches(): Generator<ColumnBatch> {
	let seed = 1;
	const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
	for (let start = 0; start < ROWS; start += BATCH) {
		const n = Math.min(BATCH, ROWS - start);
		const columns = variables.map((v, c) => {
			if (v.type === 'string') return Array.from({ length: n }, (_, r) => (c % 4 === 0 ? `${words[(r + c) % 8]} #${start + r}` : words[Math.floor(rand() * 8)]));
			const col = new Float64Array(n);
			for (let r = 0; r < n; r++) col[r] = c % 2 ? Math.floor(rand() * 7) + 1 : rand() < 0.05 ? NaN : rand() * 1000;
			return col;
		});
		yield { length: n, columns };
	}
}

const dir = mkdtempSync(path.join(tmpdir(), 'sieve-bench-'));
console.log(`writeSav: ${ROWS.toLocaleString('en')} rows × ${variables.length} columns (${NUMERIC} numeric, ${STRING} string)`);
console.log('compression              | MB written | seconds | MB/s | rows/s');
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
	await writeSav(dict, batches(), { compression, rowCount: ROWS, deflate }, sink);
	await sink.close();
	const s = (performance.now() - t0) / 1000;
	const mb = statSync(file).size / 1e6;
	console.log(`${title.padEnd(24)} | ${mb.toFixed(1).padStart(10)} | ${s.toFixed(2).padStart(7)} | ${(mb / s).toFixed(1).padStart(5)} | ${Math.round(ROWS / s).toLocaleString('en')}`);
}
rmSync(dir, { recursive: true, force: true });
