import type { Finding, Severity } from '../checks/types';

/** How much a check's findings weigh in the respondent score (0 = never). */
export const DEFAULT_WEIGHTS: Readonly<Record<string, number>> = {
	duplicates: 0.6,
	speeders: 0.8,
	straightlining: 0.6,
	'text-quality': 0.5,
	'repeated-items': 0.6,
	patterns: 0.5,
	consistency: 0.4,
	dates: 0.4,
	range: 0.4,
	completeness: 0.5,
	missing: 0.3,
	timing: 0.3,
	'skip-logic': 0.3,
	sections: 0.2,
	types: 0.1,
	formats: 0.1,
	categories: 0.05,
	outliers: 0.2,
	sentiment: 0,
	distribution: 0,
	bot: 0.5,
	anomaly: 0.2,
	// Personal data in an answer is a privacy matter for the export, not a sign of a careless respondent.
	pii: 0,
	language: 0.1,
	plagiarism: 0.5,
	brevity: 0.2
};

const SEVERITY: Record<Severity, number> = { info: 0, warning: 0.6, error: 1 };

export type Verdict = 'keep' | 'review' | 'remove';

export interface ScoringOptions {
	weights?: Record<string, number>;
	/** Scores below this are reviewed (default 85). */
	review?: number;
	/** Scores below this are removed (default 50). */
	remove?: number;
}

export interface Reason {
	check: string;
	severity: Severity;
	message: string;
	/** Points this check took off the score. */
	impact: number;
}

export interface RespondentScore {
	row: number;
	respondent: string | number;
	score: number;
	verdict: Verdict;
	reasons: Reason[];
}

export function verdictOf(score: number, opts: ScoringOptions = {}): Verdict {
	if (score < (opts.remove ?? 50)) return 'remove';
	if (score < (opts.review ?? 85)) return 'review';
	return 'keep';
}

/**
 * 0–100 per respondent: every check takes off a share of what is left, its weight × the strongest
 * finding's score × the severity factor (error 1, warning 0.6, info 0). Respondents without
 * findings are not listed (score 100, keep).
 * @example const scores = scoreRespondents(runs.flatMap((r) => r.findings));
 */
export function scoreRespondents(findings: Iterable<Finding>, opts: ScoringOptions = {}): Map<number, RespondentScore> {
	const weights = { ...DEFAULT_WEIGHTS, ...opts.weights };
	const worst = new Map<number, Map<string, { s: number; f: Finding }>>();
	const ids = new Map<number, string | number>();
	for (const f of findings) {
		if (f.row === undefined) continue;
		ids.set(f.row, f.respondent ?? f.row);
		const s = f.score * SEVERITY[f.severity] * (weights[f.check] ?? 0.3);
		let per = worst.get(f.row);
		if (!per) worst.set(f.row, (per = new Map()));
		const cur = per.get(f.check);
		if (!cur || s > cur.s || (s === cur.s && SEVERITY[f.severity] > SEVERITY[cur.f.severity])) per.set(f.check, { s, f });
	}
	const out = new Map<number, RespondentScore>();
	for (const [row, per] of worst) {
		let left = 100;
		const reasons: Reason[] = [];
		for (const [check, { s, f }] of [...per].sort((a, b) => b[1].s - a[1].s)) {
			const take = left * Math.min(0.99, s);
			left -= take;
			if (f.severity !== 'info') reasons.push({ check, severity: f.severity, message: f.message, impact: Math.round(take * 10) / 10 });
		}
		const score = Math.round(left);
		out.set(row, { row, respondent: ids.get(row)!, score, verdict: verdictOf(score, opts), reasons });
	}
	return out;
}
