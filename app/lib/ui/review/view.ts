import type { RespondentState } from '$lib/collab/ops';
import type { Assignment, Comment, ReviewState, ReviewStatus } from '$lib/collab/types';
import type { FindingsSource, Verdict } from './findings';

export type DecisionFilter = 'all' | 'decided' | 'excluded' | 'kept' | 'pending' | 'sent-back' | 'cells' | 'commented';

export interface ReviewFilter {
	decision: DecisionFilter;
	status: ReviewState | 'any';
	verdict: Verdict | 'any';
	/** Only rows assigned to this reviewer. */
	assignee: string | null;
	/** Only rows with a finding of this check (warnings and errors unless a severity is chosen). */
	check: string | 'any';
	/** `any`: warnings and errors when a check or variable is chosen, else no filter; `all` includes info. */
	severity: 'info' | 'warning' | 'error' | 'any' | 'all';
	/** Respondents with a finding on this variable (warnings and errors unless a severity is chosen). */
	variable: string | 'any';
	/** Only respondents the bot check flagged with at least this probability. */
	bot: number | null;
	/** Text searched in the open ends; blank searches nothing. */
	search: string;
	/** `score`: lowest score first, ties and unflagged rows (score 100) by row. */
	/** Row order, lowest score first, or flagged rows grouped by check (then the rest). */
	order: 'row' | 'score' | 'check';
}

export const ALL: ReviewFilter = {
	decision: 'all',
	status: 'any',
	verdict: 'any',
	assignee: null,
	check: 'any',
	severity: 'any',
	variable: 'any',
	bot: null,
	search: '',
	order: 'row'
};

/**
 * The rows a view shows: every row (`all`, no list needed at 1M) or a list of rows, ascending unless
 * `ordered` (sorted by score).
 */
export type RowSet = { kind: 'all'; count: number } | { kind: 'list'; rows: number[]; ordered?: boolean };

export interface ViewInputs {
	total: number;
	states: Map<string, RespondentState>;
	/** Rows of decisions that were sent back, by respondent key (they do not count in `states`). */
	sentBack: Map<string, number>;
	comments: readonly Comment[];
	review: Map<string, ReviewStatus>;
	assignments: readonly Assignment[];
	findings: FindingsSource;
	/** Row of a respondent key, when the doc knows it. */
	rowOf: (key: string) => number | undefined;
	/** Rows matching the check/severity filter, as the engine found them (absent when not filtered). */
	flagged?: readonly number[] | null;
	/** Rows matching the bot-probability filter (absent when not filtered). */
	bots?: readonly number[] | null;
	/** Rows whose open ends contain the search text (absent when not searching). */
	searched?: readonly number[] | null;
	/** Rows scoring below 100, lowest first: the head of the score order. */
	ranked?: readonly number[];
}

/** The rows matching a filter. Row sets from the doc are small (decisions, comments); `all` is not materialised. */
export function filterRows(f: ReviewFilter, input: ViewInputs): RowSet {
	const sets: Set<number>[] = [];
	const keysToRows = (keys: Iterable<string>) => {
		const out = new Set<number>();
		for (const k of keys) {
			const r = input.rowOf(k);
			if (r !== undefined) out.add(r);
		}
		return out;
	};
	if (f.decision === 'commented') {
		sets.push(new Set(input.comments.flatMap((c) => (c.target.row !== undefined ? [c.target.row] : []))));
	} else if (f.decision === 'sent-back') {
		sets.push(new Set(input.sentBack.values()));
	} else if (f.decision !== 'all') {
		const keys: string[] = [];
		for (const [k, s] of input.states) {
			const ok =
				f.decision === 'decided'
					? !!s.decision || s.cells.length > 0
					: f.decision === 'excluded'
						? s.decision?.action === 'exclude'
						: f.decision === 'kept'
							? s.decision?.action === 'keep'
							: f.decision === 'pending'
								? s.pending > 0
								: s.cells.length > 0;
			if (ok) keys.push(k);
		}
		sets.push(keysToRows(keys));
	}
	if (f.status !== 'any') {
		const rows = new Set<number>();
		for (const [key, st] of input.review) {
			if (st.state !== f.status || st.row === undefined) continue;
			const [check] = JSON.parse(key) as [string | null];
			if (check === null) rows.add(st.row);
		}
		sets.push(rows);
	}
	if (f.verdict !== 'any') sets.push(new Set(input.findings.rowsWithVerdict(f.verdict)));
	if (input.flagged) sets.push(new Set(input.flagged));
	if (input.searched) sets.push(new Set(input.searched));
	if (input.bots) sets.push(new Set(input.bots));

	let rows: number[] | null = null;
	if (sets.length) {
		const [first, ...rest] = sets.sort((a, b) => a.size - b.size);
		rows = [...first].filter((r) => rest.every((s) => s.has(r)));
	}
	if (f.assignee !== null) {
		const mine = input.assignments.filter((a) => a.reviewer === f.assignee);
		const inMine = (r: number) => mine.some((a) => a.from <= r && r <= a.to);
		if (rows) rows = rows.filter(inMine);
		else {
			const set = new Set<number>();
			for (const a of mine) for (let r = a.from; r <= Math.min(a.to, input.total); r++) set.add(r);
			rows = [...set];
		}
	}
	const set: RowSet = rows
		? { kind: 'list', rows: rows.filter((r) => r >= 1 && r <= input.total).sort((a, b) => a - b) }
		: { kind: 'all', count: input.total };
	return f.order !== 'row' && input.ranked?.length ? byScore(set, input.ranked) : set;
}

/** The rows of `set` in score order: `ranked` rows first in their order, then the rest by row. */
export function byScore(set: RowSet, ranked: readonly number[]): RowSet {
	const rank = new Map(ranked.map((r, i) => [r, i]));
	if (set.kind === 'list') {
		const head = set.rows.filter((r) => rank.has(r)).sort((a, b) => rank.get(a)! - rank.get(b)!);
		return { kind: 'list', rows: [...head, ...set.rows.filter((r) => !rank.has(r))], ordered: true };
	}
	const rows = ranked.filter((r) => r >= 1 && r <= set.count);
	for (let r = 1; r <= set.count; r++) if (!rank.has(r)) rows.push(r);
	return { kind: 'list', rows, ordered: true };
}

export const rowSetSize = (s: RowSet): number => (s.kind === 'all' ? s.count : s.rows.length);
export const rowAt = (s: RowSet, i: number): number => (s.kind === 'all' ? i + 1 : s.rows[i]);
export function indexOfRow(s: RowSet, row: number): number {
	if (s.kind === 'all') return row - 1;
	if (s.ordered) return s.rows.indexOf(row);
	let lo = 0;
	let hi = s.rows.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (s.rows[mid] === row) return mid;
		if (s.rows[mid] < row) lo = mid + 1;
		else hi = mid - 1;
	}
	return -1;
}
