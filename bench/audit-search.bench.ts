// Audit search and anomaly detection over simulated team logs: index build, search latency per
// question, and anomaly detection, in Node and in Chromium (the same modules bundled by Vite into
// a blank page; no app build needed). `npx tsx bench/audit-search.bench.ts 100000 1000000`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build, type Rolldown } from 'vite';
import { CHROMIUM_ARGS } from '../playwright.config';
import { timeAuditSearch, type AuditSearchTiming } from './lib/audit-search-run';

const SIZES = process.argv.slice(2).map(Number).filter(Boolean);
const sizes = SIZES.length ? SIZES : [100_000];
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const PAGE = `
import { timeAuditSearch } from ${JSON.stringify(path.join(root, 'bench/lib/audit-search-run.ts'))};
window.auditSearchBench = timeAuditSearch;
`;

function print(where: string, r: AuditSearchTiming) {
	const sorted = [...r.searchMs].sort((a, b) => a - b);
	const cells = [
		[`${where}: events`, `${r.events.toLocaleString('en')} (generated in ${(r.generateMs / 1000).toFixed(1)} s)`],
		['  index build', `${(r.buildMs / 1000).toFixed(2)} s`],
		[
			`  search latency median / max (${r.searchMs.length} questions)`,
			`${Math.round(sorted[sorted.length >> 1])} / ${Math.round(sorted[sorted.length - 1])} ms`
		],
		['  anomaly detection', `${(r.anomaliesMs / 1000).toFixed(2)} s`]
	];
	for (const [k, v] of cells) process.stdout.write(`${k.padEnd(48)} ${v}\n`);
}

process.stdout.write(`node ${process.version}\n`);
for (const n of sizes) print('node', timeAuditSearch(n));

const bundle = (await build({
	configFile: false,
	logLevel: 'silent',
	plugins: [
		{
			name: 'audit-search-bench-page',
			resolveId: (id) => (id.endsWith('audit-search-bench-page') ? '\0audit-search-bench-page' : null),
			load: (id) => (id === '\0audit-search-bench-page' ? PAGE : null)
		}
	],
	build: { write: false, minify: false, lib: { entry: 'audit-search-bench-page', formats: ['iife'], name: 'auditSearchBenchPage' } }
})) as Rolldown.RolldownOutput[];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
	const page = await browser.newPage();
	await page.setContent('<!doctype html><title>audit search bench</title>');
	await page.addScriptTag({ content: bundle[0].output[0].code });
	process.stdout.write(`chromium ${browser.version()}\n`);
	// A string, not a function: tsx's transform would inject helpers the page does not have.
	for (const n of sizes) print('chromium', (await page.evaluate(`window.auditSearchBench(${n})`)) as AuditSearchTiming);
} finally {
	await browser.close();
}
