import type { CheckRun } from '../checks/registry';
import type { Severity } from '../checks/types';
import type { SurveyRoles } from '../roles';
import type { RespondentScore, Verdict } from '../scoring';
import type { SqlDb } from '../sql/db';
import { quoteIdent } from '../sql/quote';
import type { CheckOutcome, HistogramBin, RunSummary } from './types';

export async function summarizeRun(
	db: SqlDb,
	rows: number,
	runs: CheckRun[],
	scores: Map<number, RespondentScore>,
	roles: SurveyRoles,
	thresholds: { review: number; remove: number },
	speederFraction: number
): Promise<RunSummary> {
	const infoRows = new Set<number>();
	const flaggedRows = new Set<number>();
	const outcomes: CheckOutcome[] = runs.map((r) => {
		const bySeverity: Record<Severity, number> = { info: 0, warning: 0, error: 0 };
		const rowsBy: Record<Severity, Set<number>> = { info: new Set(), warning: new Set(), error: new Set() };
		for (const f of r.findings) {
			bySeverity[f.severity]++;
			if (f.row === undefined) continue;
			rowsBy[f.severity].add(f.row);
			if (r.skipped || r.error) continue;
			(f.severity === 'info' ? infoRows : flaggedRows).add(f.row);
		}
		const respondents = { info: rowsBy.info.size, warning: rowsBy.warning.size, error: rowsBy.error.size };
		return {
			id: r.id,
			title: r.title,
			version: r.version,
			flagged: r.flagged,
			findings: r.findings.length,
			bySeverity,
			respondents,
			ms: r.ms,
			skipped: r.skipped,
			error: r.error
		};
	});
	let infoOnly = 0;
	for (const row of infoRows) if (!flaggedRows.has(row)) infoOnly++;
	const verdicts: Record<Verdict, number> = { keep: rows - scores.size, review: 0, remove: 0 };
	const bins: HistogramBin[] = Array.from({ length: 10 }, (_, i) => ({ from: i * 10, to: i * 10 + 10, count: 0 }));
	bins[9].count += rows - scores.size;
	for (const s of scores.values()) {
		verdicts[s.verdict]++;
		bins[Math.min(9, Math.floor(s.score / 10))].count++;
	}
	return {
		finishedAt: Date.now(),
		rows,
		outcomes,
		verdicts,
		infoOnly,
		scores: bins,
		durations: await durationHistogram(db, roles, speederFraction),
		thresholds
	};
}

/** Durations up to the 99th percentile in 30 bins, so one respondent who left the tab open does not flatten the chart. */
async function durationHistogram(db: SqlDb, roles: SurveyRoles, fraction: number): Promise<RunSummary['durations']> {
	const expr = roles.duration
		? `${quoteIdent(roles.duration)} * ${Number(roles.durationScale) || 1}`
		: roles.start && roles.end
			? `epoch(${quoteIdent(roles.end)}) - epoch(${quoteIdent(roles.start)})`
			: null;
	if (!expr) return null;
	const t = await db.query(
		`WITH d AS (SELECT CAST(${expr} AS DOUBLE) AS s FROM data WHERE ${expr} > 0),
		 q AS (SELECT median(s) AS med, quantile_cont(s, 0.99) AS hi FROM d)
		 SELECT med, hi, least(29, floor(s / greatest(hi / 30, 1e-9)))::INTEGER AS b, count(*) AS n
		 FROM d, q WHERE s <= hi GROUP BY ALL ORDER BY b`
	);
	const rows = t.toArray();
	if (rows.length === 0) return null;
	const median = Number(rows[0].med);
	const width = Number(rows[0].hi) / 30;
	const bins: HistogramBin[] = Array.from({ length: 30 }, (_, i) => ({ from: i * width, to: (i + 1) * width, count: 0 }));
	for (const r of rows) bins[Number(r.b)].count = Number(r.n);
	return { bins, median, cutoff: median * fraction };
}
