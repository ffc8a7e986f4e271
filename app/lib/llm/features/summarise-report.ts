import type { RunSummary } from '../../engine/api';

/** The prompt variables of a check run: counts only, no answers. */
export function summariseReportVariables(dataset: string, summary: RunSummary): Record<string, string> {
	return {
		dataset,
		respondents: String(summary.rows),
		flagged: String(flagged(summary)),
		checks: checkLines(summary).join('\n')
	};
}

/** Without an LLM: a template summary of the same numbers. */
export function summariseReportLocally(dataset: string, summary: RunSummary): string {
	const pct = (n: number) => (summary.rows ? `${((100 * n) / summary.rows).toFixed(1)} %` : '0 %');
	const top = summary.outcomes
		.filter((o) => o.flagged > 0)
		.sort((a, b) => b.flagged - a.flagged)
		.slice(0, 3);
	const v = summary.verdicts;
	return [
		`${dataset}: ${summary.rows} respondents, ${flagged(summary)} (${pct(flagged(summary))}) to review or remove.`,
		`Verdicts: keep ${v.keep}, review ${v.review}, remove ${v.remove}.`,
		top.length ? `Most flags: ${top.map((o) => `${o.title} ${o.flagged}`).join(', ')}.` : 'No check flagged anyone.',
		...checkLines(summary).filter((l) => l.includes('skipped') || l.includes('failed'))
	].join('\n');
}

const flagged = (s: RunSummary) => s.verdicts.review + s.verdicts.remove;

function checkLines(summary: RunSummary): string[] {
	return summary.outcomes.map((o) =>
		o.error
			? `- ${o.title}: failed (${o.error})`
			: o.skipped
				? `- ${o.title}: skipped (${o.skipped})`
				: `- ${o.title}: ${o.flagged} respondents flagged`
	);
}
