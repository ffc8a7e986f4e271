import type * as Y from 'yjs';
import { decisionsOf } from './doc';
import type { DecisionTarget, RespondentKey } from './types';

/** Not LOCAL_ORIGIN: re-keying follows a Setup change and is not a reviewer's step to undo. */
export const REKEY_ORIGIN = Symbol('sieve-rekey');

/** Rows (1-based, ascending) of the decisions that name a respondent. */
export function decidedRows(doc: Y.Doc): number[] {
	const rows = new Set<number>();
	for (const map of decisionsOf(doc)) {
		const t = map.get('target') as DecisionTarget | undefined;
		if (t?.row !== undefined && t.respondent !== undefined) rows.add(t.row);
	}
	return [...rows].sort((a, b) => a - b);
}

/**
 * Decisions name respondents by the id value of their row (the same file everywhere, SHA-256
 * checked). When the Dataset's id variable changes — the user picks another in Setup — every
 * decision gets its row's new id value, in one transaction, so the export excludes the very
 * respondent the reviewer saw. Returns how many decisions changed.
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
	}, REKEY_ORIGIN);
	return changed;
}
