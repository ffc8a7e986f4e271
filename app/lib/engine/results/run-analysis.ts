import type { Dataset } from '../dataset/dataset';
import { createRunState } from '../checks/context';
import { runChecks, type CheckRun } from '../checks/registry';
import type { SurveyRoles } from '../roles';
import { scoreRespondents, type RespondentScore } from '../scoring';
import type { SqlDb } from '../sql/db';
import { storeResults } from './store-results';
import { summarizeRun } from './summarize-run';
import type { CheckProgress, RunSummary } from './types';

export interface Analysis {
	roles: SurveyRoles;
	runs: CheckRun[];
	scores: Map<number, RespondentScore>;
	summary: RunSummary;
}

/**
 * Runs the checks on the Dataset, scores every respondent and keeps the results beside the data.
 * Re-running some checks (`only`) re-scores with the findings of the others kept from `previous`.
 */
export async function runAnalysis(
	db: SqlDb,
	ds: Dataset,
	opts: { only?: string[]; previous?: CheckRun[]; onProgress?: (p: CheckProgress) => void; signal?: AbortSignal } = {}
): Promise<Analysis> {
	const { raw, roles, config, rows } = ds;
	const state = await createRunState(db, raw, roles, config);
	const fresh = await runChecks(db, raw, roles, config, { only: opts.only, state, onProgress: opts.onProgress, signal: opts.signal });
	const kept = (opts.previous ?? []).filter((r) => !fresh.some((f) => f.id === r.id));
	const runs = opts.only ? [...kept, ...fresh] : fresh;
	const thresholds = { review: config.scoring?.review ?? 85, remove: config.scoring?.remove ?? 50 };
	const scores = scoreRespondents(
		runs.filter((r) => !r.skipped && !r.error).flatMap((r) => r.findings),
		{ weights: config.scoring?.weights, ...thresholds }
	);
	await storeResults(db, runs, scores);
	const fraction = Number(config.checks?.speeders?.fraction ?? 0.3);
	const summary = await summarizeRun(db, rows, runs, scores, roles, thresholds, fraction);
	return { roles, runs, scores, summary };
}
