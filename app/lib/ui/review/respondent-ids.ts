import type { RespondentKey } from '$lib/collab/types';
import type { EngineApi } from '$lib/engine/api';

const CHUNK = 5000;

/** Respondent ids of rows (1-based, ascending), read from the engine in runs of consecutive rows. */
export async function respondentIds(
	engine: Pick<EngineApi, 'page'>,
	rows: readonly number[],
	idVariable: string | null
): Promise<Map<number, RespondentKey>> {
	const out = new Map<number, RespondentKey>();
	if (!idVariable) {
		for (const r of rows) out.set(r, r);
		return out;
	}
	let i = 0;
	while (i < rows.length) {
		let j = i;
		while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1 && j + 1 - i < CHUNK) j++;
		const res = await engine.page({ offset: rows[i] - 1, limit: j - i + 1, columns: [idVariable] });
		for (const cells of res.rows) {
			const v = cells[1];
			out.set(Number(cells[0]), v === null || typeof v === 'boolean' ? Number(cells[0]) : v);
		}
		i = j + 1;
	}
	return out;
}
