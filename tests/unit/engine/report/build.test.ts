import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../../app/lib/demo';
import { openNodeDb } from '../../../../app/lib/engine/duckdb/node';
import { createEngine } from '../../../../app/lib/engine/engine';
import type { Report, RunSummary } from '../../../../app/lib/engine/api';
import type { Recipe } from '../../../../app/lib/engine/recipe';
import type { SqlDb } from '../../../../app/lib/engine/sql/db';
import { loadParquetNode } from '../../../../app/lib/io/parquet-node';

const ROWS = 300;
const demo = generateDemo({ rows: ROWS, seed: 3 });
const META = { project: 'Demo', file: 'demo.csv', sha256: null, generatedAt: '2026-12-07T00:00:00Z', sieveVersion: '0.1.0', author: 'pi' };
const RECIPE: Recipe = {
	version: 1,
	steps: [
		{ action: 'exclude', respondent: 1, reason: 'speeder', author: 'ana' },
		{ action: 'exclude', respondent: 2, reason: 'speeder', author: 'ana' },
		{ action: 'exclude', respondent: 3, reason: 'bot', author: 'ben' },
		{ action: 'exclude', respondent: 4, author: 'ben' },
		{ action: 'keep', respondent: 4, reason: 'checked by phone', author: 'ana' },
		{ action: 'set-missing', respondent: 5, variable: 'age', reason: 'out of range', author: 'ana' },
		{ action: 'set-missing', respondent: 6, variable: 'age', author: 'ana' },
		{ action: 'edit-value', respondent: 7, variable: 'nps', value: 10, reason: 'typo', author: 'ben' },
		{ action: 'recode', variable: 'country', from: ['Deutschland', 'germany'], to: 'Germany', reason: 'spelling variants' }
	]
};

let db: SqlDb;
let summary: RunSummary;
let report: Report;
let engine: ReturnType<typeof createEngine>;

beforeAll(async () => {
	db = await openNodeDb();
	engine = createEngine({ db, parquet: loadParquetNode });
	await engine.importDemo({ rows: ROWS, seed: 3 });
	summary = await engine.runChecks({});
	report = await engine.report({ summary, recipe: RECIPE, meta: META });
}, 60_000);
afterAll(() => db.close());

describe('buildReport on the demo survey', () => {
	it('carries the run: verdicts, grade by its formula, flags per check and the severity counts', () => {
		expect(report.rows).toBe(ROWS);
		expect(report.verdicts).toEqual(summary.verdicts);
		const { keep, review } = summary.verdicts;
		expect(report.grade.index).toBe(Math.round((1000 * (keep + review / 2)) / ROWS) / 10);
		expect(report.checks.map((c) => [c.id, c.flagged])).toEqual(summary.outcomes.map((o) => [o.id, o.flagged]));
		expect(report.checks.find((c) => c.id === 'speeders')!.params).toMatchObject({ fraction: 0.3 });
		const flaggedAnywhere = summary.verdicts.review + summary.verdicts.remove;
		expect(report.severities.warning + report.severities.error).toBeGreaterThanOrEqual(flaggedAnywhere);
	});

	it('counts out-of-range and poor open ends per variable at least as planted, and missing values as the summaries do', async () => {
		const planted = (name: string) => demo.truth.filter((t) => t.kind === 'out-of-range' && t.detail.startsWith(`${name} = `)).length;
		const nps = report.variableQuality.find((v) => v.name === 'nps')!;
		expect(planted('nps')).toBeGreaterThan(0);
		expect(nps.outOfRange).toBeGreaterThanOrEqual(planted('nps'));
		const gibberish = demo.truth.filter((t) => t.kind === 'gibberish').length;
		const poor = report.variableQuality.filter((v) => v.poorText !== null).reduce((n, v) => n + v.poorText!, 0);
		expect(poor).toBeGreaterThanOrEqual(gibberish);
		expect(report.variableQuality.find((v) => v.name === 'age')!.poorText).toBeNull();
		for (const name of ['age', 'q1_1', 'oe_like']) {
			const s = await engine.summarize(name);
			expect(report.variableQuality.find((v) => v.name === name)!.missing).toBe(s.systemMissing + s.userMissing);
		}
		expect(report.variableQuality.some((v) => v.name === 'rid')).toBe(false);
	});

	it('compares key means with and without flagged respondents, and names sections with their completeness', () => {
		expect(report.whatIf.map((w) => w.removed)).toEqual([summary.verdicts.remove, summary.verdicts.remove + summary.verdicts.review]);
		expect(Object.keys(report.whatIf[0].means)).toContain('q1_1');
		expect(report.sections.length).toBeGreaterThan(0);
		for (const s of report.sections) expect(s.answered).toBeGreaterThan(0.5);
		expect(report.durations!.median).toBe(summary.durations!.median);
	});

	it('summarises the cleaning: removals by reason (a later keep wins), cells per variable, recodes, steps per author', () => {
		const c = report.cleaning!;
		expect(c.removedByReason).toEqual([
			{ reason: 'speeder', count: 2 },
			{ reason: 'bot', count: 1 }
		]);
		expect(c.changedByVariable).toEqual([
			{ variable: 'age', setMissing: 2, edited: 0 },
			{ variable: 'nps', setMissing: 0, edited: 1 }
		]);
		expect(c.recodes).toEqual([{ variable: 'country', from: 'Deutschland, germany', to: 'Germany', reason: 'spelling variants' }]);
		expect(c.byAuthor).toEqual([
			{ author: 'ana', steps: 5 },
			{ author: 'ben', steps: 3 },
			{ author: 'unknown', steps: 1 }
		]);
	});

	it('exports every finding with the respondent id as stored, planted speeders among them', async () => {
		const all = JSON.parse(await (await engine.exportFindings('json')).text());
		expect(all).toHaveLength(summary.outcomes.reduce((n, o) => n + o.findings, 0));
		const speeders = new Set(all.filter((f: { check: string }) => f.check === 'speeders').map((f: { respondent: number }) => f.respondent));
		const planted = demo.truth.filter((t) => t.kind === 'speeder').map((t) => t.rid);
		expect(planted.length).toBeGreaterThan(0);
		for (const rid of planted) expect(speeders.has(rid)).toBe(true);
		const csv = (await (await engine.exportFindings('csv')).text()).trimEnd().split('\r\n');
		expect(csv).toHaveLength(all.length + 1);
	});

	it('lists the methods: id, roles, weights and thresholds', () => {
		expect(report.methods.idVariable).toBe('rid');
		expect(report.methods.roles.find((r) => r.role === 'duration')!.variables).toEqual(['duration_s']);
		expect(report.methods.thresholds).toEqual(summary.thresholds);
		expect(report.methods.carelessIndices.map((c) => c.name)).toContain('mahad');
	});
});
