import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';

export const BENCH_DIR = process.env.BENCH_DIR ?? path.join(tmpdir(), 'sieve-bench');

/** A generated benchmark file (`npm run gen`), made once and reused across runs. */
export function benchFile(rows: number, ext: string, cols = 60): string {
	const file = path.join(BENCH_DIR, `${rows}.${ext}`);
	if (!existsSync(file)) {
		const t = Date.now();
		const r = spawnSync('npx', ['tsx', 'app/cli/gen.ts', '--rows', String(rows), '--cols', String(cols), '--out', file], {
			stdio: 'inherit'
		});
		if (r.status !== 0) throw new Error(`could not generate ${file}`);
		console.log(`generated ${path.basename(file)} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
	}
	return file;
}

/** The relay serving the built app on a private port, and Debian chromium to drive it. */
export async function startApp(port: number): Promise<{ base: string; browser: Browser; stop: () => Promise<void> }> {
	if (!existsSync('build/200.html')) throw new Error('no build: run npm run build first');
	const relay: ChildProcess = spawn('npx', ['tsx', 'server/index.ts'], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: mkdtempSync(path.join(tmpdir(), 'sieve-bench-relay-')) },
		stdio: 'ignore'
	});
	const base = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 150; i++) {
		try {
			if ((await fetch(`${base}/health`)).ok) break;
		} catch {
			await new Promise((r) => setTimeout(r, 200));
		}
	}
	const browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: CHROMIUM_ARGS
	});
	return {
		base,
		browser,
		async stop() {
			await browser.close();
			relay.kill();
		}
	};
}

/** Creates a project in the app, imports `file` through the file dialog, and returns the seconds it took. */
export async function importInApp(page: Page, base: string, file: string, rows: number): Promise<number> {
	await page.goto(base);
	await page.getByLabel('New project').fill(path.basename(file));
	await page.getByRole('button', { name: 'Create' }).click();
	await page.getByTestId('file-input').waitFor({ state: 'attached' });
	const t0 = Date.now();
	await page.getByTestId('file-input').setInputFiles(file);
	await page
		.getByTestId('file-summary')
		.filter({ hasText: `${rows.toLocaleString('en-US')} rows` })
		.waitFor({ timeout: 60 * 60_000 });
	return (Date.now() - t0) / 1000;
}
