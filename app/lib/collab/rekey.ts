import type * as Y from 'yjs';
import { commentsOf, decisionsOf, reviewOf } from './doc';
import type { Comment, DecisionTarget, RespondentKey, ReviewStatus } from './types';

/** Not LOCAL_ORIGIN: re-keying follows a Setup change and is not a reviewer's step to undo. */
export const REKEY_ORIGIN = Symbol('sieve-rekey');

/** Rows (1-based, ascending) of the decisions, comments and review states that name a respondent. */
export function decidedRows(doc: Y.Doc): number[] {
	const rows = new Set<number>();
	for (const map of decisionsOf(doc)) {
		const t = map.get('target') as DecisionTarget | undefined;
		if (t?.row !== undefined && t.respondent !== undefined) rows.add(t.row);
	}
	for (const c of commentsOf(doc).toArray()) if (c.target.row !== undefined && c.target.respondent !== undefined) rows.add(c.target.row);
	for (const s of reviewOf(doc).values()) if (s.row !== undefined) rows.add(s.row);
	return [...rows].sort((a, b) => a - b);
}

/**
 * Decisions, comments and review states name respondents by the id value of their row (the same
 * file everywhere, SHA-256 checked). When the Dataset's id variable changes — the user picks another
 * in Setup — each gets its row's new id value, in one transaction, so the export excludes the very
 * respondent the reviewer saw. Returns how many entries changed.
 */
export function rekeyDecisions(doc: Y.Doc, keyOfRow: ReadonlyMap<number, RespondentKey>): number {
	let changed = 0;
	doc.transact(() => {
		for (const map of decisionsOf(doc)) {
			const target = map.get('target') as DecisionTarget | undefined;
			if (target?.row === undefined || target.respondent === undefined) continue;
			const key = keyOfRow.get(target.row);
			if (key === undefined || key === target.respondent) continue;
			map.set('target', { ...target, respondent: key });
			changed++;
		}
		// comments are immutable entries: a re-keyed one replaces the old at the same place
		const comments = commentsOf(doc);
		comments.toArray().forEach((c: Comment, i) => {
			const key = c.target.row === undefined || c.target.respondent === undefined ? undefined : keyOfRow.get(c.target.row);
			if (key === undefined || key === c.target.respondent) return;
			comments.delete(i, 1);
			comments.insert(i, [{ ...c, target: { ...c.target, respondent: key } }]);
			changed++;
		});
		// review states are keyed by the respondent key: move them all first, so two ids may swap
		const review = reviewOf(doc);
		const moves: [string, string, ReviewStatus][] = [];
		for (const [old, status] of review.entries()) {
			const key = status.row === undefined ? undefined : keyOfRow.get(status.row);
			if (key !== undefined && String(key) !== old) moves.push([old, String(key), status]);
		}
		for (const [old] of moves) review.delete(old);
		for (const [, key, status] of moves) review.set(key, status);
		changed += moves.length;
	}, REKEY_ORIGIN);
	return changed;
}
