import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../../../app/lib/demo';
import { openNodeDb } from '../../../../app/lib/engine/duckdb/node';
import { createEngine } from '../../../../app/lib/engine/engine';
import { loadParquetNode } from '../../../../app/lib/io/parquet-node';

describe('engine check runs', () => {
	it('runs every check on the demo, stores scores beside the data, re-runs one check keeping the rest', async () => {
		const db = await openNodeDb();
		const engine = createEngine({ db, parquet: loadParquetNode });
		const demo = generateDemo({ rows: 600, seed: 3 });
		const imported = await engine.importDemo({ rows: 600, seed: 3 });
		const progress: string[] = [];
		const summary = await engine.runChecks({}, (p) => p.state === 'done' && progress.push(p.id));
		expect(progress).toEqual((await engine.listChecks()).map((c) => c.id));
		expect(summary.verdicts.keep + summary.verdicts.review + summary.verdicts.remove).toBe(600);
		expect(summary.scores.reduce((a, b) => a + b.count, 0)).toBe(600);
		const speeders = summary.outcomes.find((o) => o.id === 'speeders')!;
		const planted = demo.truth.filter((t) => t.kind === 'speeder' || t.kind === 'bot').map((t) => t.rid);
		expect(speeders.flagged).toBeGreaterThanOrEqual(planted.length);
		expect(summary.durations!.cutoff).toBeCloseTo(summary.durations!.median * 0.3, 6);

		const worst = await engine.respondents({ offset: 0, limit: 50 });
		expect(worst.total).toBeGreaterThanOrEqual(summary.verdicts.review + summary.verdicts.remove);
		expect(worst.rows.map((r) => r.score)).toEqual([...worst.rows.map((r) => r.score)].sort((a, b) => a - b));
		const removed = await engine.respondents({ offset: 0, limit: 1000, verdict: 'remove' });
		expect(removed.total).toBe(summary.verdicts.remove);
		expect(removed.rows.every((r) => r.verdict === 'remove' && r.score < 50)).toBe(true);
		const bySpeeders = await engine.respondents({ offset: 0, limit: 1000, check: 'speeders' });
		const ids = new Set(bySpeeders.rows.map((r) => Number(r.respondent)));
		expect(planted.every((rid) => ids.has(rid))).toBe(true);

		// a fresh engine on the same database: nothing in memory, the re-run reads the stored findings
		const again = createEngine({ db, parquet: loadParquetNode });
		await expect(again.runChecks({})).rejects.toThrow('no dataset is open');
		await again.useDataset({ dictionary: imported.dictionary, config: demo.config });
		const rerun = await again.runChecks({
			only: ['speeders'],
			previous: summary
		});
		expect(rerun.outcomes.map((o) => [o.id, o.flagged]).sort()).toEqual(summary.outcomes.map((o) => [o.id, o.flagged]).sort());
		expect(rerun.verdicts).toEqual(summary.verdicts);

		const what = await again.whatIf({ thresholds: [50, 85], variables: ['q1_1'] });
		expect(what[0].removed).toBe(summary.verdicts.remove);
		expect(what[1].removed).toBe(summary.verdicts.remove + summary.verdicts.review);
		await db.close();
	});

	it('stops between checks when cancelled', async () => {
		const db = await openNodeDb();
		const engine = createEngine({ db, parquet: loadParquetNode });
		await engine.importDemo({ rows: 300, seed: 4 });
		const run = engine.runChecks({}, (p) => {
			if (p.index === 2 && p.state === 'start') void engine.cancelChecks();
		});
		await expect(run).rejects.toThrow('check run cancelled');
		await db.close();
	});
});
