import type * as Y from 'yjs';
import type { ReplicaProblem } from '../audit/replica';
import { mergeReplicas, publishChain } from '../audit/replicate-ydoc';
import { addReplicatedEvents, loadChains } from './audit-store';
import type { SieveDb } from './db';

/**
 * One replication round for a project: publishes this device's chain to the project Y.Doc, stores
 * the valid new events of every peer chain, and returns what each peer's replica did wrong.
 */
export async function replicateAudit(db: SieveDb, projectId: string, doc: Y.Doc, self: string): Promise<Map<string, ReplicaProblem[]>> {
	const chains = new Map((await loadChains(db, projectId)).map((c) => [c.device, c.events]));
	publishChain(doc, self, chains.get(self) ?? []);
	const problems = new Map<string, ReplicaProblem[]>();
	for (const [device, merge] of await mergeReplicas(doc, chains, self)) {
		if (merge.added.length) await addReplicatedEvents(db, projectId, device, merge.added);
		if (merge.problems.length) problems.set(device, merge.problems);
	}
	return problems;
}
