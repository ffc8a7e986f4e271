import type * as Y from 'yjs';
import type { AuditPayloads } from '../audit/events';
import { readDecisions } from './ops';
import type { Decision, DecisionAction, RespondentKey } from './types';

/** What one undo or redo step did to the decisions: ids never answers. */
export type DecisionStepPayload = AuditPayloads['decision-redo'];

/** Decisions removed, restored or changed (status, approver, note) between two reads of the doc. */
export function decisionStep(before: readonly Decision[], after: readonly Decision[]): DecisionStepPayload | null {
	const was = new Map(before.map((d) => [d.id, d]));
	const now = new Map(after.map((d) => [d.id, d]));
	const removed = before.filter((d) => !now.has(d.id));
	const restored = after.filter((d) => !was.has(d.id));
	const changed = after.filter((d) => was.has(d.id) && JSON.stringify(was.get(d.id)) !== JSON.stringify(d));
	const touched = [...removed, ...restored, ...changed];
	if (touched.length === 0) return null;
	const respondents = distinct(touched.flatMap((d) => (d.target.respondent === undefined ? [] : [d.target.respondent])));
	const variables = distinct(touched.flatMap((d) => (d.target.variable === undefined ? [] : [d.target.variable])));
	return {
		decisions: touched.map((d) => d.id),
		actions: distinct(touched.map((d) => d.action)) as DecisionAction[],
		...(respondents.length ? { respondents } : {}),
		...(variables.length ? { variables } : {}),
		...(removed.length ? { removed: removed.length } : {}),
		...(restored.length ? { restored: restored.length } : {}),
		...(changed.length ? { changed: changed.length } : {})
	};
}

function distinct<T extends RespondentKey>(values: T[]): T[] {
	const seen = new Set<string>();
	return values.filter((v) => {
		const k = `${typeof v}:${v}`;
		if (seen.has(k)) return false;
		seen.add(k);
		return true;
	});
}

/**
 * Runs one undo or redo step and says what it did to the decisions, for one audit event: a bulk
 * decision is one undo step, so its undo is one event listing every target. Steps that touch no
 * decision (a comment, an assignment, a review status) return null.
 * @example const p = auditedStep(doc, undo, 'undo'); if (p) await recordEvent(project, 'decision-undo', { ...p, via: 'undo' });
 */
export function auditedStep(doc: Y.Doc, undo: Y.UndoManager, direction: 'undo' | 'redo'): DecisionStepPayload | null {
	const before = readDecisions(doc);
	if (direction === 'undo') undo.undo();
	else undo.redo();
	return decisionStep(before, readDecisions(doc));
}
