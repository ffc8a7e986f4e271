import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFile } from '../../../app/cli/load';
import { gridRowIndex, writeResult, type ResultSource } from '../../../app/cli/result-writer';
import { generateDemo } from '../../../app/lib/demo';
import { batchToCsv, csvHeader } from '../../../app/lib/demo/to-csv';
import { CARELESS_INDEX_NAMES } from '../../../app/lib/engine/careless';
import { createRunState, gridIndices } from '../../../app/lib/engine/checks/context';
import { runChecks, type CheckRun } from '../../../app/lib/engine/checks/registry';
import { openDataset } from '../../../app/lib/engine/dataset/dataset';
import { appendFindings } from '../../../app/lib/engine/results/store-results';
import { scoreRespondents } from '../../../app/lib/engine/scoring';
import type { SqlDb } from '../../../app/lib/engine/sql/db';

let dir = '';
let db: SqlDb;
let runs: CheckRun[];
let source: ResultSource;
const ROWS = 300;
const gridRows = new Map<string, Int32Array>();

beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'sieve-result-'));
	const demo = generateDemo({ rows: ROWS, seed: 21 });
	let csv = csvHeader(demo.dictionary);
	for (const b of demo.batches()) csv += batchToCsv(demo.dictionary, b);
	await writeFile(path.join(dir, 'demo.csv'), csv);
	const loaded = await loadFile(path.join(dir, 'demo.csv'), { respondentId: true });
	db = loaded.db;
	const ds = await openDataset(db, loaded.result.dictionary, demo.config);
	const state = await createRunState(db, ds.raw, ds.roles, demo.config);
	runs = await runChecks(db, ds.raw, ds.roles, demo.config, { state });
	let stored = 0;
	await appendFindings(db, [], 0, true);
	for (const r of runs) {
		await appendFindings(db, r.findings, stored, false);
		stored += r.findings.length;
	}
	const grids = [];
	for (const g of ds.roles.grids) {
		const gi = await gridIndices(state, g);
		gridRows.set(g.name, gi.rows);
		grids.push({ name: g.name, rowIndex: gridRowIndex(ROWS, gi.rows), result: gi.result });
	}
	source = {
		db,
		dataset: { rows: ROWS, variables: ds.raw.variables.length, sha256: 'f'.repeat(64) },
		checks: runs,
		respondentOf: (row) => state.ids![row - 1],
		grids,
		scoring: {}
	};
});
afterAll(async () => {
	await db.close();
	await rm(dir, { recursive: true, force: true });
});

/** RESULT as `sieve check` built it in memory before it streamed: the bytes the streaming writer must match. */
function inMemoryResult(): string {
	const findings = runs.flatMap((r) => r.findings);
	const scores = scoreRespondents(findings);
	const respondents = [];
	for (let row = 1; row <= ROWS; row++) {
		const s = scores.get(row);
		const flags = findings
			.filter((f) => f.row === row && f.severity !== 'info')
			.map((f) => ({ check: f.check, severity: f.severity, message: f.message }));
		const indices: Record<string, Record<string, number | null>> = {};
		for (const g of source.grids) {
			const i = gridRows.get(g.name)!.indexOf(row);
			indices[g.name] = Object.fromEntries(
				CARELESS_INDEX_NAMES.map((x) => {
					const v = i < 0 ? NaN : g.result[x].values[i];
					return [x, Number.isFinite(v) ? v : null];
				})
			);
		}
		const bot = findings.find((f) => f.row === row && f.check === 'bot')?.evidence;
		respondents.push({
			id: source.respondentOf(row),
			score: s?.score ?? 100,
			verdict: s?.verdict ?? 'keep',
			flags,
			indices,
			...(bot ? { bot: { probability: bot.probability, pValue: bot.pValue, reasons: bot.reasons } } : {})
		});
	}
	const checks = runs.map((r) => ({ id: r.id, title: r.title, flagged: r.flagged, ms: r.ms }));
	return `${JSON.stringify({ dataset: source.dataset, checks, respondents })}\n`;
}

describe('writeResult', () => {
	it('streams the same bytes as building RESULT in memory, across page boundaries', async () => {
		const expected = inMemoryResult();
		expect(expected).toMatch(/"verdict":"remove"/);
		expect(expected).toMatch(/"bot":\{"probability":0\.\d+,"pValue":0\.\d+,"reasons":\["[^"]+"/);
		for (const pageRows of [7, 50_000]) {
			const out = path.join(dir, `r${pageRows}.json`);
			const verdicts = await writeResult({ ...source, pageRows }, out, path.join(dir, `r${pageRows}.csv`));
			expect(await readFile(out, 'utf8')).toBe(expected);
			const parsed = JSON.parse(expected) as { respondents: { verdict: 'keep' | 'review' | 'remove' }[] };
			for (const v of ['keep', 'review', 'remove'] as const)
				expect(verdicts[v]).toBe(parsed.respondents.filter((r) => r.verdict === v).length);
		}
		expect(await readFile(path.join(dir, 'r7.csv'), 'utf8')).toBe(await readFile(path.join(dir, 'r50000.csv'), 'utf8'));
	});
});
