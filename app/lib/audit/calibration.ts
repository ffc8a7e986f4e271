import type { AuditEvent, RespondentId } from './events';

/** What the data says about one respondent: the checks that flagged it and its interviewer's value. */
export type RespondentContext = { checks?: readonly string[]; group?: string | null };

export const CALIBRATION_RULES = {
	/** Exclusion rates further apart than this (a share, 0.2 = 20 percentage points) are shown as a difference. */
	threshold: 0.2,
	/** Both sides of a comparison need at least this many decided respondents. */
	minDecisions: 10,
	/** …and the difference must be this many standard errors wide (two-proportion z), so chance gaps on few decisions stay quiet. */
	minZ: 2
};

/** Exclusion rate of one reviewer (or one interviewer's respondents) against everyone else in the same comparison. */
export type RateRow = {
	key: string;
	excluded: number;
	kept: number;
	/** excluded / (excluded + kept). */
	rate: number;
	/** The pooled rate of all others, null when there are none. */
	others: number | null;
	othersDecided: number;
	/** rate − others. */
	diff: number | null;
	z: number | null;
	flagged: boolean;
};

export type Calibration = {
	/** Where the per-check split comes from: the findings of the last check run, or the reason typed with each decision. */
	checkSource: 'findings' | 'reason';
	reviewers: RateRow[];
	byCheck: { check: string; reviewers: RateRow[] }[];
	/** Per interviewer value (latest decision on each respondent, by anyone); empty without an interviewer variable. */
	groups: RateRow[];
	/** One sentence per flagged row. */
	alerts: string[];
};

type Decided = { actor: string; respondent: string; exclude: boolean; reason: string };

/**
 * Reviewer calibration: exclusion and keep rates per reviewer, per reviewer within each check, and
 * per interviewer, each compared with the pooled rate of the rest. A row is flagged when the rates
 * differ by more than `threshold`, both sides have `minDecisions`, and the gap is `minZ` standard
 * errors wide. Only the latest exclude/keep of each reviewer on each respondent counts.
 * @example reviewerCalibration(events, (id) => ({ checks: flagsOf.get(id), group: interviewerOf.get(id) }))
 */
export function reviewerCalibration(
	events: readonly AuditEvent[],
	contextOf?: (respondent: string) => RespondentContext | undefined,
	rules = CALIBRATION_RULES
): Calibration {
	const latest = new Map<string, Decided>();
	const byRespondent = new Map<string, Decided>();
	const sorted = events.filter((e) => e.type === 'decision').sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
	for (const e of sorted) {
		const p = e.payload;
		if ((p.action !== 'exclude' && p.action !== 'keep') || !Array.isArray(p.respondents)) continue;
		for (const r of p.respondents as RespondentId[]) {
			const d = { actor: e.actor, respondent: String(r), exclude: p.action === 'exclude', reason: String(p.reason ?? '').trim() };
			latest.set(`${e.actor}\u0000${d.respondent}`, d);
			byRespondent.set(d.respondent, d);
		}
	}
	const decided = [...latest.values()];
	const usesFindings = decided.some((d) => contextOf?.(d.respondent)?.checks !== undefined);
	const checksOf = (d: Decided) => (usesFindings ? (contextOf?.(d.respondent)?.checks ?? []) : [d.reason || '(no reason)']);

	const alerts: string[] = [];
	const reviewers = compare(decided, (d) => d.actor, rules);
	for (const r of reviewers.filter((x) => x.flagged)) alerts.push(`${r.key} ${sentence(r, 'the other reviewers')}.`);
	const checks = [...new Set(decided.flatMap(checksOf))].sort();
	const byCheck = checks.map((check) => {
		const rows = compare(
			decided.filter((d) => checksOf(d).includes(check)),
			(d) => d.actor,
			rules
		);
		for (const r of rows.filter((x) => x.flagged))
			alerts.push(
				`${usesFindings ? 'On respondents flagged by' : 'With the reason'} ${check}: ${r.key} ${sentence(r, 'the other reviewers')}.`
			);
		return { check, reviewers: rows };
	});
	const withGroup = [...byRespondent.values()].filter((d) => (contextOf?.(d.respondent)?.group ?? null) !== null);
	const groups = compare(withGroup, (d) => String(contextOf!(d.respondent)!.group), rules);
	for (const r of groups.filter((x) => x.flagged))
		alerts.push(`Respondents of interviewer ${r.key}: ${sentence(r, "other interviewers' respondents")}.`);
	return { checkSource: usesFindings ? 'findings' : 'reason', reviewers, byCheck, groups, alerts };
}

function compare(decided: readonly Decided[], keyOf: (d: Decided) => string, rules: typeof CALIBRATION_RULES): RateRow[] {
	const counts = new Map<string, { excluded: number; kept: number }>();
	let excludedAll = 0;
	for (const d of decided) {
		const c = counts.get(keyOf(d)) ?? { excluded: 0, kept: 0 };
		if (d.exclude) c.excluded++;
		else c.kept++;
		counts.set(keyOf(d), c);
		if (d.exclude) excludedAll++;
	}
	return [...counts]
		.map(([key, { excluded, kept }]) => {
			const n = excluded + kept;
			const rate = excluded / n;
			const othersDecided = decided.length - n;
			const others = othersDecided ? (excludedAll - excluded) / othersDecided : null;
			const diff = others === null ? null : rate - others;
			const z = others === null ? null : twoProportionZ(excluded, n, excludedAll - excluded, othersDecided);
			const flagged =
				diff !== null &&
				Math.abs(diff) > rules.threshold &&
				n >= rules.minDecisions &&
				othersDecided >= rules.minDecisions &&
				Math.abs(z ?? 0) >= rules.minZ;
			return { key, excluded, kept, rate, others, othersDecided, diff, z, flagged };
		})
		.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Pooled two-proportion z statistic; 0 when both sides are all-excluded or all-kept. */
function twoProportionZ(x1: number, n1: number, x2: number, n2: number): number {
	const p = (x1 + x2) / (n1 + n2);
	const se = Math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2));
	return se === 0 ? 0 : (x1 / n1 - x2 / n2) / se;
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

function sentence(r: RateRow, others: string): string {
	return `excluded ${pct(r.rate)} of ${r.excluded + r.kept} decided respondents against ${pct(r.others!)} of ${r.othersDecided} for ${others} (${Math.round(Math.abs(r.diff!) * 100)} points ${r.diff! > 0 ? 'more' : 'fewer'})`;
}
