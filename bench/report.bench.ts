/**
 * Report benchmark: checks, the report model, HTML, PDF and the findings CSV of a generated survey,
 * through the same functions as `sieve report`. Usage: npx tsx bench/report.bench.ts [--rows N]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, openAsBlob, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { parseArgs } from '../app/cli/args';
import { openDataset } from '../app/lib/engine/dataset/dataset';
import { assignRespondentId } from '../app/lib/engine/dataset/id';
import { openNodeDb } from '../app/lib/engine/duckdb/node';
import { importFile } from '../app/lib/engine/import';
import { buildReport } from '../app/lib/engine/report';
import { allFindings } from '../app/lib/engine/results/all-findings';
import { runAnalysis } from '../app/lib/engine/results/run-analysis';
import { loadParquetNode } from '../app/lib/io/parquet-node';
import { findingsCsv } from '../app/lib/report/findings';
import { reportHtml } from '../app/lib/report/html';
import { REPORT_FONT_FILES } from '../app/lib/report/pdf/fonts';
import { reportPdf } from '../app/lib/report/pdf/report-pdf';

const { options } = parseArgs(process.argv.slice(2));
const rows = Number(options.rows ?? 1_000_000);
const dir = '/tmp/sieve-bench';
const input = `${dir}/${rows}.parquet`;
await mkdir(dir, { recursive: true });
if (!existsSync(input))
	execFileSync('npx', ['tsx', 'app/cli/gen.ts', '--rows', String(rows), '--cols', '60', '--out', input], { stdio: 'inherit' });

const seconds = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;
const db = await openNodeDb();
let t = performance.now();
const imported = await importFile({ db, parquet: loadParquetNode }, await openAsBlob(input), { name: input });
const ds = await openDataset(db, await assignRespondentId(db, imported.dictionary));
console.log(`import ${rows.toLocaleString()} rows: ${seconds(t)}`);
t = performance.now();
const analysis = await runAnalysis(db, ds);
console.log(`checks: ${seconds(t)}`);
t = performance.now();
const report = await buildReport(db, ds, {
	...analysis,
	recipe: null,
	meta: { project: 'bench', file: input, sha256: null, generatedAt: new Date().toISOString(), sieveVersion: '', author: 'bench' }
});
console.log(`report model: ${seconds(t)}`);
t = performance.now();
const html = reportHtml(report);
console.log(`HTML: ${seconds(t)}, ${Buffer.byteLength(html).toLocaleString()} bytes`);
t = performance.now();
const fonts = REPORT_FONT_FILES.map((f) => new Uint8Array(readFileSync(new URL(`../static/fonts/${f}`, import.meta.url))));
const pdf = reportPdf(report, fonts);
console.log(`PDF: ${seconds(t)}, ${pdf.length.toLocaleString()} bytes`);
t = performance.now();
const csv = findingsCsv(await allFindings(db, ds.idVariable));
console.log(`findings CSV: ${seconds(t)}, ${Buffer.byteLength(csv).toLocaleString()} bytes`);
await db.close();
