import * as Y from 'yjs';
import { AUDIT_DEVICES, auditArrayName } from '../audit/replicate-ydoc';
import type { Assignment, Comment, ReviewStatus } from './types';

/**
 * The project Y.Doc, version 1. Every collection is a top-level type so that two docs creating
 * it concurrently get the same one (a nested type set twice keeps only one of the two).
 *
 * - `meta`        Y.Map: `schemaVersion` (number)
 * - `decisions`   Y.Array<Y.Map>: one map per decision, in order; its fields are those of `Decision`,
 *                 so an approver's status change and a concurrent reason edit both survive
 * - `comments`    Y.Array<Comment> (immutable entries)
 * - `assignments` Y.Map<Assignment> by id
 * - `review`      Y.Map<ReviewStatus> by finding key (see `findingKey`)
 * - `approvers`   Y.Map<true> by name: who may approve besides the room owner
 * - `rules`       Y.Map<unknown>: reserved, unused
 * - `config`      Y.Map<unknown>: the project's CONFIG (SPEC §7), one entry per top-level field
 *                 (JSON values); names variables and codes, never respondent answers (collab/config.ts)
 * - audit chains: `audit-devices` + one `audit/<device>` array each, owned by audit/replicate-ydoc.ts
 *
 * Shipped versions are frozen: a change of shape is a new entry in MIGRATIONS.
 */
export const SCHEMA_VERSION = 1;

export const TYPES = {
	meta: 'meta',
	decisions: 'decisions',
	comments: 'comments',
	assignments: 'assignments',
	review: 'review',
	approvers: 'approvers',
	rules: 'rules',
	config: 'config'
} as const;

export const AUDIT = { devices: AUDIT_DEVICES, arrayOf: auditArrayName } as const;

export interface Migration {
	/** The version the doc has after `up`. */
	version: number;
	/** Must be idempotent: two offline replicas run it independently and then merge. */
	up(doc: Y.Doc): void;
}

export const MIGRATIONS: readonly Migration[] = [
	{
		version: 1,
		up(doc) {
			doc.getMap(TYPES.meta).set('schemaVersion', 1);
		}
	}
];

export function schemaVersion(doc: Y.Doc): number {
	const v = doc.getMap(TYPES.meta).get('schemaVersion');
	return typeof v === 'number' ? v : 0;
}

export class NewerDocError extends Error {
	constructor(readonly version: number) {
		super(
			`This project was saved by a newer version of Sieve (document version ${version}, this app knows ${SCHEMA_VERSION}). Reload to update the app.`
		);
	}
}

/** Brings the doc up to SCHEMA_VERSION; throws NewerDocError when a newer app wrote it. */
export function migrate(doc: Y.Doc, migrations: readonly Migration[] = MIGRATIONS, origin: unknown = 'migrate'): number {
	const from = schemaVersion(doc);
	const target = migrations.at(-1)?.version ?? 0;
	if (from > target) throw new NewerDocError(from);
	const pending = migrations.filter((m) => m.version > from);
	pending.forEach((m, i) => {
		const expected = i === 0 ? from + 1 : pending[i - 1].version + 1;
		if (m.version !== expected) throw new Error(`collab migrations must step by one: ${expected} expected, ${m.version} found`);
	});
	if (pending.length) doc.transact(() => pending.forEach((m) => m.up(doc)), origin);
	return schemaVersion(doc);
}

export const decisionsOf = (doc: Y.Doc) => doc.getArray<Y.Map<unknown>>(TYPES.decisions);
export const commentsOf = (doc: Y.Doc) => doc.getArray<Comment>(TYPES.comments);
export const assignmentsOf = (doc: Y.Doc) => doc.getMap<Assignment>(TYPES.assignments);
export const reviewOf = (doc: Y.Doc) => doc.getMap<ReviewStatus>(TYPES.review);
export const approversOf = (doc: Y.Doc) => doc.getMap<true>(TYPES.approvers);
export const rulesOf = (doc: Y.Doc) => doc.getMap<unknown>(TYPES.rules);
export const configOf = (doc: Y.Doc) => doc.getMap<unknown>(TYPES.config);

/** The types undo/redo covers: the review work, not meta, rules or audit chains. */
export function undoScope(doc: Y.Doc): Y.AbstractType<unknown>[] {
	return [decisionsOf(doc), commentsOf(doc), assignmentsOf(doc), reviewOf(doc)] as Y.AbstractType<unknown>[];
}
