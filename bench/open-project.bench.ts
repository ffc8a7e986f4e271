// Opening a stored project, as a returning user does: the time from navigating to the project's
// page until its file summary shows (working copy restored from OPFS, Dataset built). "new tab"
// loads the project URL in a fresh tab (DuckDB-WASM starts too); "from home" is a click on the home
// page 3 s after it loaded (the engine starts with the page). Needs `npm run build` first. Goal: ≤ 1 s
// below 10k rows.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { benchFile, importInApp, startApp } from './lib/app';

const importIn = (page: Page, file: string, n: number) => importInApp(page, app.base, file, n);
const ready = (page: Page, n: number) =>
	page
		.getByTestId('file-summary')
		.filter({ hasText: `${n.toLocaleString('en-US')} rows` })
		.waitFor();

const FILES: [string, number][] = [
	[path.resolve('tests/fixtures/sav/srw_employee_data.sav'), 474],
	[benchFile(10_000, 'csv', 40), 10_000]
];
const app = await startApp(4199);
try {
	const context = await app.browser.newContext({ viewport: { width: 1400, height: 900 } });
	const rows: Record<string, Record<string, string>> = {};
	for (const [file, n] of FILES) {
		const importer = await context.newPage();
		await importIn(importer, file, n);
		const url = importer.url();
		// one tab at a time: a project's working copy is an OPFS file only one tab may hold
		await importer.close();
		const fromHome: number[] = [];
		const cold: number[] = [];
		for (let i = 0; i < 3; i++) {
			const page = await context.newPage();
			let t0 = Date.now();
			await page.goto(url);
			await ready(page, n);
			cold.push(Date.now() - t0);
			await page.goto(app.base);
			await page
				.getByRole('link', { name: path.basename(file) })
				.first()
				.waitFor();
			t0 = Date.now();
			await page
				.getByRole('link', { name: path.basename(file) })
				.first()
				.click();
			await ready(page, n);
			fromHome.push(Date.now() - t0);
			await page.close();
		}
		const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1];
		rows[`${path.basename(file)} (${n} rows)`] = {
			'new tab, median ms': String(median(cold)),
			'from home, median ms': String(median(fromHome))
		};
	}
	console.table(rows);
	await context.close();
} finally {
	await app.stop();
}
