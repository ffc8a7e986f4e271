import type * as Y from 'yjs';
import type { AuditEvent } from './events';
import { mergeReplica, type ReplicaMerge } from './replica';

/** Top-level map in the project Y.Doc naming every device that published a chain. */
export const AUDIT_DEVICES = 'audit-devices';
const PREFIX = 'audit/';

/**
 * The top-level array holding one device's chain. Top-level, not nested in a map: two docs that
 * create a device's entry concurrently would otherwise keep only one of the two arrays.
 */
export function auditArrayName(device: string): string {
	return `${PREFIX}${device}`;
}

/**
 * Appends to the device's array the events after the last one it holds; never edits or removes
 * what is there (append-only). Returns how many events were appended.
 * @example publishChain(projectDoc, identity.device, (await loadChains(db, id)).find((c) => c.device === identity.device)!.events);
 */
export function publishChain(doc: Y.Doc, device: string, events: readonly AuditEvent[]): number {
	const array = doc.getArray<AuditEvent>(auditArrayName(device));
	const last = array.length ? (array.get(array.length - 1) as Partial<AuditEvent> | null) : null;
	const from = typeof last?.seq === 'number' ? last.seq + 1 : 0;
	const fresh = events.filter((e) => e.seq >= from);
	if (fresh.length === 0) return 0;
	doc.transact(() => {
		const devices = doc.getMap<true>(AUDIT_DEVICES);
		if (!devices.has(device)) devices.set(device, true);
		array.push(fresh.map(({ seq, time, actor, type, payload, prev, hash }) => ({ seq, time, actor, type, payload, prev, hash })));
	});
	return fresh.length;
}

/** Every published chain as the doc holds it, unchecked: judge each with mergeReplica. */
export function readReplicas(doc: Y.Doc): Map<string, unknown[]> {
	const out = new Map<string, unknown[]>();
	for (const device of doc.getMap<true>(AUDIT_DEVICES).keys()) out.set(device, doc.getArray(auditArrayName(device)).toArray());
	return out;
}

/**
 * Merges every other device's replica into our verified copy of its chain (`local`, by device).
 * Forks, rewrites and chains gone backwards come back as problems; only valid extensions as `added`.
 */
export async function mergeReplicas(
	doc: Y.Doc,
	local: ReadonlyMap<string, readonly AuditEvent[]>,
	self: string
): Promise<Map<string, ReplicaMerge>> {
	const merges = new Map<string, ReplicaMerge>();
	for (const [device, replica] of readReplicas(doc)) {
		if (device === self) continue;
		merges.set(device, await mergeReplica(local.get(device) ?? [], replica, { device }));
	}
	return merges;
}

/** Calls `listener` after each transaction that touched a published chain; returns the unsubscribe. */
export function onReplicaChange(doc: Y.Doc, listener: () => void): () => void {
	const handler = (tr: Y.Transaction) => {
		for (const [name, type] of doc.share) {
			if ((name === AUDIT_DEVICES || name.startsWith(PREFIX)) && tr.changed.has(type)) return listener();
		}
	};
	doc.on('afterTransaction', handler);
	return () => doc.off('afterTransaction', handler);
}
