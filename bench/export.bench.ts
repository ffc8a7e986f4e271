/**
 * Export benchmark: a 1M × 60 dataset to CSV, Parquet, SPSS .sav and Excel in Node, through the
 * same functions as the app. Usage: npx tsx bench/export.bench.ts [--rows N] [--formats csv,sav,...]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, openAsBlob } from 'node:fs';
import { mkdir, open, stat } from 'node:fs/promises';
import { openNodeDb } from '../app/lib/engine/duckdb/node';
import { importFile } from '../app/lib/engine/import';
import { cleanForExport } from '../app/lib/engine/recipe';
import { exportChunks, type ExportFormat } from '../app/lib/io/export';
import { loadParquetNode } from '../app/lib/io/parquet-node';
import { nodeDeflate } from '../app/lib/io/spss/write/node-sink';
import { parseArgs } from '../app/cli/args';

const { options } = parseArgs(process.argv.slice(2));
const rows = Number(options.rows ?? 1_000_000);
const formats = (typeof options.formats === 'string' ? options.formats : 'csv,parquet,sav,zsav,xlsx').split(',') as ExportFormat[];
const dir = '/tmp/sieve-bench';
const input = `${dir}/${rows}.parquet`;

await mkdir(dir, { recursive: true });
if (!existsSync(input))
	execFileSync('npx', ['tsx', 'app/cli/gen.ts', '--rows', String(rows), '--cols', '60', '--out', input], { stdio: 'inherit' });

const db = await openNodeDb();
let t = performance.now();
const { dictionary } = await importFile({ db, parquet: loadParquetNode }, await openAsBlob(input), { name: input });
console.log(`import ${rows.toLocaleString()} × ${dictionary.variables.length}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
t = performance.now();
const { source } = await cleanForExport(db, dictionary, {
	recipe: {
		version: 1,
		dataset: { sha256: '' },
		steps: Array.from({ length: 1000 }, (_, i) => ({ action: 'exclude' as const, respondent: i * 997 + 1 }))
	},
	idVariable: '__row',
	scores: new Map(Array.from({ length: 50_000 }, (_, i) => [i * 20 + 1, { score: 40, verdict: 'remove' as const }]))
});
console.log(`recipe (1000 excludes) + flags: ${((performance.now() - t) / 1000).toFixed(1)} s`);

for (const format of formats) {
	const out = `${dir}/export.${format}`;
	t = performance.now();
	try {
		const handle = await open(out, 'w');
		try {
			for await (const chunk of exportChunks(source, format, { parquet: loadParquetNode, deflate: nodeDeflate })) await handle.write(chunk);
		} finally {
			await handle.close();
		}
		const s = (performance.now() - t) / 1000;
		const mb = (await stat(out)).size / 1e6;
		console.log(
			`${format.padEnd(8)} ${s.toFixed(1).padStart(6)} s  ${mb.toFixed(0).padStart(6)} MB  ${(mb / s).toFixed(1).padStart(6)} MB/s  ${Math.round((source.dictionary.variables.length * rows) / s / 1e6)}M cells/s  rss ${(process.memoryUsage().rss / 1e9).toFixed(2)} GB`
		);
	} catch (e) {
		console.log(`${format.padEnd(8)} failed after ${((performance.now() - t) / 1000).toFixed(1)} s: ${e instanceof Error ? e.message : e}`);
	}
}
await db.close();
