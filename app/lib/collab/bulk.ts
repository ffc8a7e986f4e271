import { respondentKey, type RespondentState } from './ops';
import type { RespondentKey } from './types';

export interface BulkTarget {
	respondent: RespondentKey;
	/** 1-based row, a locator only (as in DecisionTarget). */
	row?: number;
}

export interface BulkPlan {
	/** Respondents the bulk decision is written for. */
	write: BulkTarget[];
	/** Respondents that already carry this action (individually or by an earlier bulk): left as they are. */
	unchanged: BulkTarget[];
	/** Respondents with an individual decision of another action: skipped unless overridden. */
	individual: BulkTarget[];
	/** How many of `individual` are written over (all when overriding, else none). */
	overridden: number;
	/** Targets not written: unchanged plus individual ones not overridden. */
	skipped: number;
}

/**
 * What a bulk exclude/keep writes. A decision a reviewer made on one respondent (not `bulk`) is never
 * replaced by a bulk action unless `override`; an earlier bulk decision of the other action is.
 * @example planBulk(collab.states, [{ respondent: 17, row: 17 }], 'exclude', false).write
 */
export function planBulk(
	states: ReadonlyMap<string, RespondentState>,
	targets: readonly BulkTarget[],
	action: 'exclude' | 'keep',
	override: boolean
): BulkPlan {
	const write: BulkTarget[] = [];
	const unchanged: BulkTarget[] = [];
	const individual: BulkTarget[] = [];
	const seen = new Set<string>();
	for (const t of targets) {
		const key = respondentKey(t.respondent);
		if (seen.has(key)) continue;
		seen.add(key);
		const current = states.get(key)?.decision;
		if (current?.action === action) unchanged.push(t);
		else if (current && !current.bulk) {
			individual.push(t);
			if (override) write.push(t);
		} else write.push(t);
	}
	const overridden = override ? individual.length : 0;
	return { write, unchanged, individual, overridden, skipped: unchanged.length + individual.length - overridden };
}
