import path from 'node:path';
import type { SieveConfig } from '../lib/engine/checks/config';
import { openDataset, type Dataset } from '../lib/engine/dataset/dataset';
import { applyRecipe, type ApplyReport, type Recipe } from '../lib/engine/recipe';
import { buildReport, waveSummary, type Report, type WaveSummary } from '../lib/engine/report';
import { runAnalysis } from '../lib/engine/results/run-analysis';
import type { SqlDb } from '../lib/engine/sql/db';
import { loadFile } from './load';

/** How the shared recipe replays on a wave: steps applied and skipped (respondents or variables it lacks). */
export async function replayOn(db: SqlDb, ds: Dataset, recipe: Recipe | null): Promise<ApplyReport | null> {
	return recipe ? (await applyRecipe(db, ds.raw, recipe, { idVariable: ds.idVariable })).report : null;
}

/** Another wave of the survey, checked with the same CONFIG and replayed with the same recipe. */
export async function waveOf(file: string, config: SieveConfig, recipe: Recipe | null, meta: Report['meta']): Promise<WaveSummary> {
	const { db, result } = await loadFile(file, { respondentId: true });
	try {
		const ds = await openDataset(db, result.dictionary, config);
		if (ds.problems.length) throw new Error(`${file}: ${ds.problems.join('; ')}`);
		const analysis = await runAnalysis(db, ds);
		const report = await buildReport(db, ds, { ...analysis, recipe, meta: { ...meta, file: path.basename(file) } });
		return waveSummary(path.basename(file), report, await replayOn(db, ds, recipe));
	} finally {
		await db.close();
	}
}
