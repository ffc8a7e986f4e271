import * as Y from 'yjs';
import { approversOf, assignmentsOf, commentsOf, decisionsOf, reviewOf } from './doc';
import type {
	Actor,
	Assignment,
	Comment,
	CommentTarget,
	Decision,
	DecisionInput,
	DecisionStatus,
	RespondentKey,
	ReviewState
} from './types';

/** Origin of every transaction made by this app instance; undo/redo track only these. */
export const LOCAL_ORIGIN = Symbol('sieve-local');

const MAX_REASON = 2000;
const MAX_COMMENT = 10_000;

const iso = (a: Actor) => (a.now?.() ?? new Date()).toISOString();
const newId = (a: Actor) => a.newId?.() ?? crypto.randomUUID();

/** Why a decision input is not valid, or null. Mirrors what the recipe can replay. */
export function invalidDecision(d: DecisionInput): string | null {
	const t = d.target;
	const hasRespondent = t.respondent !== undefined && t.respondent !== null && t.respondent !== '';
	if (!d.reason.trim()) return 'a decision needs a reason';
	if (d.reason.length > MAX_REASON) return `the reason is longer than ${MAX_REASON} characters`;
	switch (d.action) {
		case 'exclude':
		case 'keep':
			return hasRespondent && !t.variable ? null : `${d.action} applies to a respondent`;
		case 'set-missing':
			return t.variable ? null : 'set-missing needs a variable';
		case 'edit-value':
			return hasRespondent && t.variable && d.value !== undefined ? null : 'edit-value needs a respondent, a variable and a value';
		case 'recode':
		case 'merge-categories': {
			const from = d.from ?? t.category;
			return t.variable && from?.length && d.to !== undefined && d.to !== null
				? null
				: `${d.action} needs a variable, the codes it maps from and the code it maps to`;
		}
	}
}

/**
 * Appends decisions in one transaction (one undo step). An approver's own decisions are approved at once.
 * @example proposeDecisions(doc, { name: 'ana' }, [{ target: { respondent: 17 }, action: 'exclude', reason: 'speeder' }]);
 */
export function proposeDecisions(doc: Y.Doc, actor: Actor, inputs: readonly DecisionInput[], opts: { approve?: boolean } = {}): string[] {
	for (const d of inputs) {
		const problem = invalidDecision(d);
		if (problem) throw new RangeError(problem);
	}
	const time = iso(actor);
	const ids: string[] = [];
	doc.transact(() => {
		const maps = inputs.map((d) => {
			const id = newId(actor);
			ids.push(id);
			const decision: Decision = {
				id,
				target: { ...d.target },
				action: d.action,
				reason: d.reason.trim(),
				author: actor.name,
				time,
				status: opts.approve ? 'approved' : 'proposed',
				...(d.value !== undefined ? { value: d.value } : {}),
				...(d.from !== undefined ? { from: [...d.from] } : {}),
				...(d.to !== undefined ? { to: d.to } : {}),
				...(d.bulk ? { bulk: true as const } : {}),
				...(opts.approve ? { approver: actor.name } : {})
			};
			return new Y.Map<unknown>(Object.entries(decision));
		});
		decisionsOf(doc).push(maps);
	}, LOCAL_ORIGIN);
	return ids;
}

/** An approver accepts or sends back decisions (by id); unknown ids are ignored. Returns how many changed. */
export function reviewDecisions(
	doc: Y.Doc,
	actor: Actor,
	ids: readonly string[],
	status: Exclude<DecisionStatus, 'proposed'>,
	note?: string
): number {
	const wanted = new Set(ids);
	let changed = 0;
	doc.transact(() => {
		for (const map of decisionsOf(doc)) {
			if (!wanted.has(map.get('id') as string)) continue;
			map.set('status', status);
			map.set('approver', actor.name);
			if (note?.trim()) map.set('note', note.trim());
			else map.delete('note');
			changed++;
		}
	}, LOCAL_ORIGIN);
	return changed;
}

/** Removes decisions (by id) from the list. */
export function withdrawDecisions(doc: Y.Doc, ids: readonly string[]): number {
	const wanted = new Set(ids);
	let removed = 0;
	doc.transact(() => {
		const array = decisionsOf(doc);
		for (let i = array.length - 1; i >= 0; i--) {
			if (wanted.has(array.get(i).get('id') as string)) {
				array.delete(i, 1);
				removed++;
			}
		}
	}, LOCAL_ORIGIN);
	return removed;
}

export function readDecision(map: Y.Map<unknown>): Decision {
	return map.toJSON() as Decision;
}

export function readDecisions(doc: Y.Doc): Decision[] {
	return decisionsOf(doc).map(readDecision);
}

/** The string key of a respondent id in maps and filters (ids are numbers or text). */
export const respondentKey = (r: RespondentKey): string => String(r);

export interface RespondentState {
	/** The last respondent-level decision (exclude or keep) that was not sent back. */
	decision?: Decision;
	/** Cell decisions (edit-value, set-missing of one cell) on this respondent, not sent back. */
	cells: Decision[];
	/** Decisions on this respondent waiting for approval. */
	pending: number;
}

/** Decision state per respondent key, in one pass over the decisions. */
export function respondentStates(decisions: readonly Decision[]): Map<string, RespondentState> {
	const out = new Map<string, RespondentState>();
	for (const d of decisions) {
		if (d.target.respondent === undefined || d.status === 'sent-back') continue;
		const key = respondentKey(d.target.respondent);
		let state = out.get(key);
		if (!state) out.set(key, (state = { cells: [], pending: 0 }));
		if (d.status === 'proposed') state.pending++;
		if (d.target.variable) state.cells.push(d);
		else state.decision = d;
	}
	return out;
}

const MENTION = /(^|[^\w@])@([\p{L}\p{N}_.-]*[\p{L}\p{N}_])/gu;

/** The distinct names @mentioned in a text, in order of first mention. */
export function parseMentions(text: string): string[] {
	const names = new Set<string>();
	for (const m of text.matchAll(MENTION)) names.add(m[2]);
	return [...names];
}

export function addComment(doc: Y.Doc, actor: Actor, target: CommentTarget, text: string): Comment {
	const body = text.trim();
	if (!body) throw new RangeError('a comment needs text');
	if (body.length > MAX_COMMENT) throw new RangeError(`a comment is at most ${MAX_COMMENT} characters`);
	const comment: Comment = {
		id: newId(actor),
		target: { ...target },
		text: body,
		mentions: parseMentions(body),
		author: actor.name,
		time: iso(actor)
	};
	doc.transact(() => commentsOf(doc).push([comment]), LOCAL_ORIGIN);
	return comment;
}

/** Comments on a respondent (any finding of theirs included), or all when no respondent is given; oldest first. */
export function readComments(doc: Y.Doc, respondent?: RespondentKey): Comment[] {
	const all = commentsOf(doc).toArray();
	if (respondent === undefined) return all;
	const key = respondentKey(respondent);
	return all.filter((c) => c.target.respondent !== undefined && respondentKey(c.target.respondent) === key);
}

/** Gives rows `from`..`to` (1-based, inclusive) to a reviewer. */
export function assign(doc: Y.Doc, actor: Actor, from: number, to: number, reviewer: string): Assignment {
	if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to < from)
		throw new RangeError('an assignment is a range of rows, first ≤ last, from 1');
	if (!reviewer.trim()) throw new RangeError('an assignment needs a reviewer');
	const a: Assignment = { id: newId(actor), from, to, reviewer: reviewer.trim(), by: actor.name, time: iso(actor) };
	doc.transact(() => assignmentsOf(doc).set(a.id, a), LOCAL_ORIGIN);
	return a;
}

export function unassign(doc: Y.Doc, id: string): void {
	doc.transact(() => assignmentsOf(doc).delete(id), LOCAL_ORIGIN);
}

/** Assignments ordered by first row, then id (the same order on every replica). */
export function readAssignments(doc: Y.Doc): Assignment[] {
	return [...assignmentsOf(doc).values()].sort((a, b) => a.from - b.from || (a.id < b.id ? -1 : 1));
}

/** Reviewers a row (1-based) is assigned to. */
export function assigneesOf(assignments: readonly Assignment[], row: number): string[] {
	return assignments.filter((a) => a.from <= row && row <= a.to).map((a) => a.reviewer);
}

/** Key of a finding (or of a whole respondent when `check` is absent) in the review-status map. */
export function findingKey(f: { respondent?: RespondentKey; check?: string; variable?: string }): string {
	return JSON.stringify([f.check ?? null, f.respondent === undefined ? null : respondentKey(f.respondent), f.variable ?? null]);
}

export function setReviewStatus(doc: Y.Doc, actor: Actor, targets: readonly { key: string; row?: number }[], state: ReviewState): void {
	const time = iso(actor);
	doc.transact(() => {
		const map = reviewOf(doc);
		for (const { key, row } of targets) map.set(key, { state, by: actor.name, time, ...(row !== undefined ? { row } : {}) });
	}, LOCAL_ORIGIN);
}

export function setApprover(doc: Y.Doc, name: string, approver: boolean): void {
	doc.transact(() => (approver ? approversOf(doc).set(name, true) : approversOf(doc).delete(name)), LOCAL_ORIGIN);
}
