import { respondentStates } from '$lib/collab/ops';
import type { Decision } from '$lib/collab/types';

/**
 * The decisions the bot check learns from: each respondent's current keep or exclude, by data row.
 * Bulk decisions are left out: excluding a whole filtered list says nothing about which of them
 * looked like a bot.
 */
export function botDecisions(decisions: readonly Decision[]): { row: number; exclude: boolean }[] {
	const out: { row: number; exclude: boolean }[] = [];
	for (const s of respondentStates(decisions).values()) {
		const d = s.decision;
		if (!d || d.bulk || d.target.row === undefined || (d.action !== 'exclude' && d.action !== 'keep')) continue;
		out.push({ row: d.target.row, exclude: d.action === 'exclude' });
	}
	return out.sort((a, b) => a.row - b.row);
}
