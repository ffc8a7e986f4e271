// The full standard check suite in Chromium: a generated 1M-row × 60-column Parquet file imported
// through the app, then "Run selected checks" on the Checks page; per-check and total time as the
// engine worker measured them (DuckDB-WASM, one thread). Compare with bench/checks.bench.ts (Node
// and native DuckDB). Needs `npm run build` first.
import { benchFile, importInApp, startApp } from './lib/app';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const file = benchFile(ROWS, 'parquet');
const app = await startApp(4198);
try {
	const context = await app.browser.newContext({ serviceWorkers: 'block', viewport: { width: 1400, height: 900 } });
	const page = await context.newPage();
	const importS = await importInApp(page, app.base, file, ROWS);
	console.log(`import: ${importS.toFixed(1)} s`);
	await page.getByRole('link', { name: 'Checks' }).click();
	const t0 = Date.now();
	await page.getByRole('button', { name: 'Run selected checks' }).click();
	await page.getByTestId('verdicts').waitFor({ timeout: 60 * 60_000 });
	const wall = (Date.now() - t0) / 1000;
	const summary = (await page.evaluate(`new Promise((resolve, reject) => {
		const open = indexedDB.open('sieve');
		open.onsuccess = () => {
			const req = open.result.transaction('checkRuns').objectStore('checkRuns').getAll();
			req.onsuccess = () => resolve(req.result[0].summary);
			req.onerror = () => reject(req.error);
		};
	})`)) as {
		outcomes: { id: string; ms: number; flagged: number; skipped: string | null; error: string | null }[];
		verdicts: Record<string, number>;
	};
	const heap = (await page.evaluate('performance.memory ? performance.memory.usedJSHeapSize : null')) as number | null;
	console.table(
		Object.fromEntries(summary.outcomes.map((o) => [o.id, { ms: o.ms, flagged: o.flagged, note: o.skipped ?? o.error ?? '' }]))
	);
	const sum = summary.outcomes.reduce((a, o) => a + o.ms, 0);
	console.log(
		`checks total (sum of per-check ms): ${(sum / 1000).toFixed(1)} s; wall clock incl. roles, scoring and storing: ${wall.toFixed(1)} s`
	);
	console.log(`verdicts: ${JSON.stringify(summary.verdicts)}; page JS heap: ${heap ? (heap / 1e6).toFixed(0) + ' MB' : 'n/a'}`);
	await context.close();
} finally {
	await app.stop();
}
