// Audit chain in Chromium: append throughput into IndexedDB through the Dexie ChainStore (one
// transaction per event, and a bulk action's events in one transaction) and verification time for N events read back,
// on the relay's origin. The bench code is bundled with Vite and injected into the built app's page.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';
import { startApp } from './lib/app';

const N = Number(process.argv[2] ?? 100_000);
const WITH_CHANGE = Math.min(N, 5_000);
const PORT = 4198;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lib = (file: string) => JSON.stringify(path.join(root, 'app/lib', file));

const PAGE = `
import { appendEvent, appendEvents, createChain } from ${lib('audit/chain.ts')};
import { createMemoryStore } from ${lib('audit/memory-store.ts')};
import { flattenAudit } from ${lib('audit/audit-export.ts')};
import { detectAnomalies } from ${lib('audit/anomalies.ts')};
import { buildAuditExport } from ${lib('audit/export.ts')};
import { timeline } from ${lib('audit/timeline.ts')};
import { verifyAudit } from ${lib('audit/verify-audit.ts')};
import { createDexieChainStore, loadChains } from ${lib('store/audit-store.ts')};
import { SieveDb } from ${lib('store/db.ts')};

const t0 = Date.parse('2026-11-20T09:00:00Z');
const input = (i) => ({
	type: 'decision',
	payload: { action: 'exclude', respondents: [i, i + 1], variable: 'q7', reason: 'straight-liner', finding: 'f-' + i },
	time: new Date(t0 + i * 1000).toISOString()
});
const ms = async (fn) => { const t = performance.now(); const v = await fn(); return [v, performance.now() - t]; };

window.auditBench = async (n, withChange) => {
	const memory = await createChain('bench-memory', 'alice', createMemoryStore('bench-memory'), 'bench');
	const [, memoryMs] = await ms(async () => { for (let i = 1; i < n; i++) await appendEvent(memory, input(i)); });
	const db = new SieveDb('sieve-audit-bench');
	await db.delete();
	await db.open();
	const chain = await createChain('bench-device', 'alice', createDexieChainStore(db, 'bench', 'bench-device'), 'bench');
	const [, appendMs] = await ms(async () => { for (let i = 1; i < n; i++) await appendEvent(chain, input(i)); });
	const bulk = await createChain('bench-bulk', 'alice', createDexieChainStore(db, 'bench-bulk', 'bench-bulk'), 'bench-bulk');
	const batch = (from, count) => Array.from({ length: count }, (_, i) => input(from + i));
	const [, bulk1000Ms] = await ms(() => appendEvents(bulk, batch(1, 1000)));
	const [, bulkMs] = await ms(() => appendEvents(bulk, batch(1001, n - 1)));
	const other = await createChain('bench-change', 'alice', createDexieChainStore(db, 'bench-change', 'bench-change'), 'bench-change');
	const [, changeMs] = await ms(async () => {
		for (let i = 1; i < withChange; i++) await appendEvent(other, input(i), () => db.dictionaries.put({ projectId: 'bench-change', dictionary: { n: i } }));
	});
	const [chains, loadMs] = await ms(() => loadChains(db, 'bench'));
	const audit = buildAuditExport('bench', chains);
	const [verdict, verifyMs] = await ms(() => verifyAudit(audit));
	const [events, viewMs] = await ms(async () => {
		const all = flattenAudit(audit);
		timeline(all, { query: 'straight' });
		detectAnomalies(all);
		return all.length;
	});
	db.close();
	await db.delete();
	return { ok: verdict.ok, events, memoryMs, appendMs, bulk1000Ms, bulkMs, changeMs, loadMs, verifyMs, viewMs };
};
`;

if (!existsSync(path.join(root, 'build/200.html'))) {
	console.error('no build: run npx vite build first');
	process.exit(1);
}
const bundle = (await build({
	configFile: false,
	logLevel: 'silent',
	plugins: [
		{
			name: 'audit-bench-page',
			resolveId: (id) => (id.endsWith('audit-bench-page') ? '\0audit-bench-page' : null),
			load: (id) => (id === '\0audit-bench-page' ? PAGE : null)
		}
	],
	build: { write: false, minify: false, lib: { entry: 'audit-bench-page', formats: ['iife'], name: 'auditBenchPage' } }
})) as Rolldown.RolldownOutput[];
const script = bundle[0].output[0].code;

const { base, browser, stop } = await startApp(PORT);
try {
	// The relay's CSP allows only hashed inline scripts; the injected bench script is neither.
	const context = await browser.newContext({ serviceWorkers: 'block', bypassCSP: true });
	const page = await context.newPage();
	await page.goto(base);
	await page.addScriptTag({ content: script });
	// A string, not a function: tsx's transform would inject helpers the page does not have.
	const r = (await page.evaluate(`window.auditBench(${N}, ${WITH_CHANGE})`)) as {
		ok: boolean;
		events: number;
		memoryMs: number;
		appendMs: number;
		bulk1000Ms: number;
		bulkMs: number;
		changeMs: number;
		loadMs: number;
		verifyMs: number;
		viewMs: number;
	};
	if (!r.ok || r.events !== N) throw new Error(`bench chain did not verify (${JSON.stringify(r)})`);
	const rate = (count: number, msTaken: number) => `${Math.round(count / (msTaken / 1000)).toLocaleString('en')} events/s`;
	const rows: [string, string][] = [
		['browser', browser.version()],
		['events', N.toLocaleString('en')],
		['append to a memory store (canonical JSON + SHA-256 only)', `${rate(N - 1, r.memoryMs)} (${(r.memoryMs / 1000).toFixed(1)} s)`],
		['append (hash, then one IDB transaction each)', `${rate(N - 1, r.appendMs)} (${(r.appendMs / 1000).toFixed(1)} s)`],
		['bulk action of 1,000 events, one IDB transaction (appendEvents)', `${rate(1000, r.bulk1000Ms)} (${r.bulk1000Ms.toFixed(0)} ms)`],
		[`${(N - 1).toLocaleString('en')} events in one IDB transaction (appendEvents)`, `${rate(N - 1, r.bulkMs)}`],
		[`append + recorded change, all-table tx (${WITH_CHANGE.toLocaleString('en')})`, rate(WITH_CHANGE - 1, r.changeMs)],
		['read the chain back (loadChains)', `${(r.loadMs / 1000).toFixed(2)} s`],
		['verifyAudit', `${(r.verifyMs / 1000).toFixed(2)} s (${rate(N, r.verifyMs)})`],
		['flatten + timeline search + anomalies', `${(r.viewMs / 1000).toFixed(2)} s`]
	];
	for (const [k, v] of rows) process.stdout.write(`${k.padEnd(66)} ${v}\n`);
	await context.close();
} finally {
	await stop();
}
