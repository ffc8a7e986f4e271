import type { ApplyReport } from '../recipe/types';
import type { Report, WaveSummary } from './types';

/** One wave's line in the side-by-side comparison: its quality, flags per check and how the shared recipe replayed. */
export function waveSummary(name: string, report: Report, replay: ApplyReport | null): WaveSummary {
	return {
		name,
		rows: report.rows,
		grade: report.grade,
		verdicts: report.verdicts,
		flagged: Object.fromEntries(report.checks.filter((c) => !c.skipped && !c.error).map((c) => [c.id, c.flagged])),
		replay: replay ? { applied: replay.applied, skipped: replay.skipped.length } : null
	};
}
