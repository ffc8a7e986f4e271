import type { Dataset } from '../dataset/dataset';
import type { RespondentFlags } from '../../io/export/types';
import { createRunState } from '../checks/context';
import { runChecks } from '../checks/registry';
import { scoreRespondents } from '../scoring';
import type { SqlDb } from '../sql/db';

/**
 * Score and verdict per `__row` of `data` from every applicable check, as `sieve check` scores
 * them; respondents without findings are absent (100, keep).
 */
export async function flagScores(
	db: SqlDb,
	ds: Dataset,
	onCheck?: (p: { id: string; index: number; total: number }) => void
): Promise<Map<number, RespondentFlags>> {
	const { raw, roles, config } = ds;
	const state = await createRunState(db, raw, roles, config);
	const runs = await runChecks(db, raw, roles, config, {
		state,
		onProgress: (p) => {
			if (p.state === 'done') onCheck?.(p);
		}
	});
	const scores = scoreRespondents(
		runs.filter((r) => !r.skipped && !r.error).flatMap((r) => r.findings),
		{ weights: config.scoring?.weights, review: config.scoring?.review, remove: config.scoring?.remove }
	);
	return new Map([...scores].map(([row, s]) => [row, { score: s.score, verdict: s.verdict }]));
}
