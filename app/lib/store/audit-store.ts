import Dexie from 'dexie';
import { extendsHead, StaleHeadError, type ChainStore } from '../audit/chain';
import type { AuditEvent, Checkpoint } from '../audit/events';
import type { AuditArchiveRow, AuditEventRow, SieveDb } from './db';

/** The seven chain fields of a stored row, as hashed: storage fields must not reach verification. */
export function eventOf(row: AuditEvent): AuditEvent {
	const { seq, time, actor, type, payload, prev, hash } = row;
	return { seq, time, actor, type, payload, prev, hash };
}

function chainRows(db: SieveDb, projectId: string, device: string) {
	return db.auditEvents.where('[projectId+device+seq]').between([projectId, device, Dexie.minKey], [projectId, device, Dexie.maxKey]);
}

/**
 * One device's chain for one project in IndexedDB. `append` checks the stored head, adds the events
 * and runs `alsoWrite` in one transaction over every table, so the change and its event commit
 * together or not at all. `alsoWrite` may only await Dexie calls: any other await (fetch, WebCrypto)
 * lets IndexedDB commit the transaction early.
 */
export function createDexieChainStore(db: SieveDb, projectId: string, device: string): ChainStore {
	return {
		async head() {
			const row = await chainRows(db, projectId, device).last();
			return row ? eventOf(row) : null;
		},
		async append(events, alsoWrite) {
			await db.transaction('rw', alsoWrite ? db.tables : [db.auditEvents], async () => {
				const head = await chainRows(db, projectId, device).last();
				if (!extendsHead(head ? eventOf(head) : null, events[0])) throw new StaleHeadError(device);
				await db.auditEvents.bulkAdd(events.map((e) => ({ ...eventOf(e), projectId, device })));
				await alsoWrite?.();
			});
		}
	};
}

/** Every chain stored for a project (ours and replicated peers'), each in seq order, by device. */
export async function loadChains(db: SieveDb, projectId: string): Promise<{ device: string; events: AuditEvent[] }[]> {
	const rows: AuditEventRow[] = await db.auditEvents.where('projectId').equals(projectId).toArray();
	const chains = new Map<string, AuditEvent[]>();
	for (const row of rows) {
		const list = chains.get(row.device) ?? [];
		list.push(eventOf(row));
		chains.set(row.device, list);
	}
	// Index order is (projectId, primary key), so events already come in seq order; sorting guards against engines that differ.
	return [...chains].map(([device, events]) => ({ device, events: events.sort((a, b) => a.seq - b.seq) }));
}

/** Stores a peer's events accepted by mergeReplica; they extend its chain, so nothing is replaced. */
export async function addReplicatedEvents(db: SieveDb, projectId: string, device: string, events: readonly AuditEvent[]): Promise<void> {
	await db.auditEvents.bulkAdd(events.map((e) => ({ ...eventOf(e), projectId, device })));
}

export async function loadCheckpoints(db: SieveDb, projectId: string): Promise<Checkpoint[]> {
	const rows = await db.auditCheckpoints.where('projectId').equals(projectId).toArray();
	return rows.map(({ device, seq, hash }) => ({ device, seq, hash }));
}

/** Keeps the verified heads apart from the chains; a later verification must still reach them. */
export async function saveCheckpoints(db: SieveDb, projectId: string, checkpoints: readonly Checkpoint[]): Promise<void> {
	await db.auditCheckpoints.bulkPut(checkpoints.map(({ device, seq, hash }) => ({ projectId, device, seq, hash })));
}

/** This project's archived chain beginnings, oldest first, as AUDIT exports (see `archiveChain`). */
export async function loadArchives(db: SieveDb, projectId: string): Promise<AuditArchiveRow[]> {
	return (await db.auditArchives.where('projectId').equals(projectId).toArray()).sort(
		(a, b) => a.fromSeq - b.fromSeq || (a.id ?? 0) - (b.id ?? 0)
	);
}

/** Moves seqs `fromSeq`..`toSeq` of this device's chain out of auditEvents into one archive row; call inside the append that records it. */
export async function moveToArchive(db: SieveDb, row: AuditArchiveRow): Promise<void> {
	await db.auditArchives.add(row);
	await chainRange(db, row.projectId, row.device, row.fromSeq, row.toSeq).delete();
}

function chainRange(db: SieveDb, projectId: string, device: string, from: number, to: number) {
	return db.auditEvents.where('[projectId+device+seq]').between([projectId, device, from], [projectId, device, to], true, true);
}
