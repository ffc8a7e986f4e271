import type { RespondentContext } from '../audit/calibration';
import type { EngineApi } from '../engine/api';

type Engine = Pick<EngineApi, 'dataset' | 'listChecks' | 'flaggedRows' | 'page'>;
const PAGE = 20_000;

/**
 * What reviewer calibration needs from the data, keyed by respondent id as decisions name them:
 * the checks that flagged each respondent (warnings and errors of the last run) and the value of the
 * interviewer variable when the data has one. Null when the dataset has no respondent id.
 */
export async function calibrationContext(
	engine: Engine
): Promise<{ interviewer: string | null; context: Map<string, RespondentContext> } | null> {
	const info = await engine.dataset();
	if (!info.idVariable) return null;
	const interviewer = info.roles.interviewer;
	const checksOfRow = new Map<number, string[]>();
	for (const { id } of await engine.listChecks()) {
		for (const row of await engine.flaggedRows({ check: id })) {
			const list = checksOfRow.get(row) ?? [];
			list.push(id);
			checksOfRow.set(row, list);
		}
	}
	const context = new Map<string, RespondentContext>();
	const columns = interviewer ? [info.idVariable, interviewer] : [info.idVariable];
	for (let offset = 0; offset < info.rows; offset += PAGE) {
		const { rows } = await engine.page({ offset, limit: PAGE, columns });
		for (const [row, id, group] of rows) {
			if (id === null || id === undefined) continue;
			context.set(String(id), {
				checks: checksOfRow.get(Number(row)) ?? [],
				group: interviewer && group !== null && group !== undefined && String(group).trim() !== '' ? String(group) : null
			});
		}
	}
	return { interviewer, context };
}
