import type { CheckRun } from '../checks/registry';

/** RESULT `openEnds` (SPEC §7): the answers per language of each open end, from the language check's run. */
export function openEndSummary(runs: readonly CheckRun[]): Record<string, { languages: Record<string, number> }> | null {
	const run = runs.find((r) => r.id === 'language');
	const out: Record<string, { languages: Record<string, number> }> = {};
	for (const f of run?.findings ?? [])
		if (f.level === 'variable' && f.variable) out[f.variable] = { languages: f.evidence.languages as Record<string, number> };
	return Object.keys(out).length ? out : null;
}
