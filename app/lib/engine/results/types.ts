import type { Severity } from '../checks/types';
import type { Verdict } from '../scoring';

/** What the checks page shows of one check after a run. */
export interface CheckOutcome {
	id: string;
	title: string;
	version: number;
	/** Respondents with a warning or error of this check (info findings are evidence only). */
	flagged: number;
	findings: number;
	/** Findings of each severity. */
	bySeverity: Record<Severity, number>;
	/** Respondents with at least one finding of each severity (absent in summaries stored before it existed). */
	respondents?: Record<Severity, number>;
	ms: number;
	skipped: string | null;
	error: string | null;
}

export interface HistogramBin {
	from: number;
	to: number;
	count: number;
}

/** A finished run: per-check outcomes and the charts, small enough to keep in IndexedDB. */
export interface RunSummary {
	finishedAt: number;
	rows: number;
	outcomes: CheckOutcome[];
	verdicts: Record<Verdict, number>;
	/** Respondents whose findings are all info (so they score 100 and count as keep); absent in older summaries. */
	infoOnly?: number;
	/** Respondent scores in 10-point bins, 0–100. */
	scores: HistogramBin[];
	/** Total durations in seconds, with the speeder cut-off when a duration is known. */
	durations: { bins: HistogramBin[]; median: number; cutoff: number } | null;
	/** Thresholds used for the verdicts. */
	thresholds: { review: number; remove: number };
}

export interface CheckProgress {
	id: string;
	index: number;
	total: number;
	state: 'start' | 'done';
	ms?: number;
}

export interface RespondentRow {
	row: number;
	respondent: string | number;
	score: number;
	verdict: Verdict;
	flags: number;
	checks: string[];
	reasons: { check: string; severity: Severity; message: string }[];
}

export interface RespondentQuery {
	offset: number;
	limit: number;
	verdict?: Verdict | null;
	check?: string | null;
	/** Lowest score first by default. */
	order?: 'score' | 'row';
}
