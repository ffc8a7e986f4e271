import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../playwright.config';
import { startRelayProcess } from './lib/relay-process';

// Sync latency between two Chromium pages through the relay, measured as a user sees it: from the
// click that records a decision in page A to the decision's badge appearing in page B's table
// (Svelte update, y-websocket, relay, y-websocket, Svelte update). Needs `npx vite build` first.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 100);
const WARMUP = 10;
const FILE = path.join(root, 'tests/fixtures/import/utf8.csv');

const startRelay = (dataDir: string) => startRelayProcess(root, { DATA_DIR: dataDir, STATIC_DIR: path.join(root, 'build') });

async function page(browser: Browser, origin: string): Promise<Page> {
	const context = await browser.newContext({ serviceWorkers: 'block', baseURL: origin });
	return context.newPage();
}

async function importAndWait(p: Page) {
	await p.getByTestId('file-input').setInputFiles(FILE);
	await p.locator('[data-testid=review-table][data-count="3"]').waitFor();
}

async function setup(browser: Browser, origin: string): Promise<[Page, Page]> {
	const a = await page(browser, origin);
	a.setDefaultTimeout(30_000);
	await a.goto('/');
	await a.getByLabel('New project').fill('Bench');
	await a.getByRole('button', { name: 'Create' }).click();
	await a.getByTestId('file-input').setInputFiles(FILE);
	await a.getByTestId('file-summary').waitFor();
	await a.getByRole('link', { name: 'Review' }).click();
	await a.locator('[data-testid=review-table][data-count="3"]').waitFor();
	await a.getByTestId('my-name').fill('A');
	await a.getByRole('button', { name: 'Save' }).click();
	await a.getByTestId('share-create').click();
	await a.locator('[data-testid=connection-state][data-state=connected]').waitFor();
	await a.getByTestId('invite-reviewer').click();
	const link = await a.getByTestId('invite-link').inputValue();

	const b = await page(browser, origin);
	await b.goto(link);
	await b.getByTestId('join-name').fill('B');
	await b.getByTestId('join-submit').click();
	await importAndWait(b);
	await b.getByTestId('share-toggle').click();
	await b.locator('[data-testid=connection-state][data-state=connected]').waitFor();
	await a.locator('[data-testid=review-row][data-row="1"]').click();
	return [a, b];
}

/** One decision in A; resolves with ms until B's table shows it. */
async function sample(a: Page, b: Page, action: 'exclude' | 'keep'): Promise<number> {
	// A string, not a function: tsx's keepNames would reference a __name helper the page lacks.
	const seen = b.evaluate(`new Promise((resolve) => {
		const check = () => {
			const el = document.querySelector('[data-testid=review-row][data-row="1"] [data-testid=decision-badge]');
			if (el?.getAttribute('data-action') !== ${JSON.stringify(action)}) return;
			obs.disconnect();
			resolve(performance.timeOrigin + performance.now());
		};
		const obs = new MutationObserver(check);
		obs.observe(document.body, { subtree: true, childList: true, attributes: true });
		check();
	})`) as Promise<number>;
	seen.catch(() => {});
	await a.keyboard.press(action === 'exclude' ? 'x' : 'Shift+K');
	await a.getByTestId('decision-reason').fill(`bench ${action}`);
	const t0 = (await a.evaluate(`(() => {
		const t = performance.timeOrigin + performance.now();
		document.querySelector('[data-testid=decision-submit]').click();
		return t;
	})()`)) as number;
	const timeout = new Promise<never>((_, reject) =>
		setTimeout(() => reject(new Error('page B did not show the decision within 10 s')), 10_000)
	);
	return (await Promise.race([seen, timeout])) - t0;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

const dataDir = mkdtempSync(path.join(tmpdir(), 'sieve-collab-bench-'));
const relay = await startRelay(dataDir);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
	const [a, b] = await setup(browser, relay.origin);
	const samples: number[] = [];
	for (let i = 0; i < SAMPLES + WARMUP; i++) {
		const ms = await sample(a, b, i % 2 ? 'keep' : 'exclude');
		if (i >= WARMUP) samples.push(ms);
	}
	samples.sort((x, y) => x - y);
	const f = (x: number) => x.toFixed(1);
	console.log(`| measure (${samples.length} decisions, Chromium ${browser.version()}) | median ms | p95 ms | max ms |`);
	console.log('|---|---|---|---|');
	console.log(
		`| decision click in A → badge in B's table, through the relay | ${f(quantile(samples, 0.5))} | ${f(quantile(samples, 0.95))} | ${f(samples.at(-1)!)} |`
	);
} finally {
	await browser.close();
	await relay.stop();
	rmSync(dataDir, { recursive: true, force: true });
}
