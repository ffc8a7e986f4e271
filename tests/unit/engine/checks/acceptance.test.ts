import { describe, expect, it } from 'vitest';
import { generateDemo, type PlantedKind } from '../../../../app/lib/demo';
import { runChecks } from '../../../../app/lib/engine/checks/registry';
import { detectRoles } from '../../../../app/lib/engine/roles';
import { scoreRespondents } from '../../../../app/lib/engine/scoring';
import type { SieveConfig } from '../../../../app/lib/engine/checks/config';
import { loadDemo, openNodeDb } from './helpers';

const CHECK_OF: Partial<Record<PlantedKind, string>> = {
	straightliner: 'straightlining',
	speeder: 'speeders',
	'exact-duplicate': 'duplicates',
	gibberish: 'text-quality'
};

async function measure(seed: number, withConfig: boolean) {
	const demo = generateDemo({ rows: 2000, seed });
	const db = await openNodeDb();
	await loadDemo(db, demo);
	const config = (withConfig ? demo.config : {}) as SieveConfig;
	const roles = await detectRoles(db, demo.dictionary, config);
	const runs = await runChecks(db, demo.dictionary, roles, config);
	await db.close();
	const errors = runs.filter((r) => r.error).map((r) => `${r.id}: ${r.error}`);
	const detection: Record<string, number> = {};
	for (const [kind, check] of Object.entries(CHECK_OF)) {
		const planted = demo.truth.filter((t) => t.kind === kind).map((t) => t.rid);
		const flagged = new Set(
			runs
				.find((r) => r.id === check)!
				.findings.filter((f) => f.severity !== 'info')
				.map((f) => f.respondent)
		);
		detection[kind] = planted.filter((r) => flagged.has(r)).length / planted.length;
	}
	const scores = scoreRespondents(runs.flatMap((r) => r.findings));
	const plantedIds = new Set(demo.truth.map((t) => t.rid));
	const clean = demo.rows - plantedIds.size;
	const removedClean = [...scores.values()].filter((s) => s.verdict === 'remove' && !plantedIds.has(s.respondent as number)).length;
	return { errors, detection, cleanRemoved: removedClean / clean, clean };
}

describe('acceptance on the demo survey', () => {
	for (const seed of [1, 2, 3])
		for (const withConfig of [false, true])
			it(`seed ${seed}, ${withConfig ? 'with the demo CONFIG' : 'roles detected'}: ≥ 95 % of planted problems flagged, ≤ 2 % of clean respondents removed`, async () => {
				const m = await measure(seed, withConfig);
				console.log(
					`seed ${seed} config=${withConfig}`,
					JSON.stringify(m.detection),
					`clean removed ${(m.cleanRemoved * 100).toFixed(2)} % of ${m.clean}`
				);
				expect(m.errors).toEqual([]);
				for (const [kind, share] of Object.entries(m.detection)) expect(share, kind).toBeGreaterThanOrEqual(0.95);
				expect(m.cleanRemoved).toBeLessThanOrEqual(0.02);
			}, 120_000);
});
