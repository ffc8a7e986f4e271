import { joinArchives, splitArchive, type AuditArchive } from '../audit/archive';
import { asAuditExport, type AuditExport } from '../audit/audit-export';
import { appendEvents, createChain, StaleHeadError, type Chain } from '../audit/chain';
import type { AuditEvent, AuditPayloads, EventInput, EventType } from '../audit/events';
import { buildAuditExport, stringifyAudit } from '../audit/export';
import { verifyAudit, type AuditVerdict } from '../audit/verify-audit';
import { createDexieChainStore, loadArchives, loadChains, loadCheckpoints, moveToArchive, saveCheckpoints } from './audit-store';
import { getDb, type DeviceIdentityRow, type SieveDb } from './db';
import { getDeviceIdentity, setActorName } from './device';

export interface AuditLog {
	/**
	 * Appends one event to this device's chain for the project. `alsoWrite` is the change the event
	 * records: it runs in the same Dexie transaction (all tables), so both commit or neither; it may
	 * only await Dexie calls, and must not record another event (appends are queued one at a time).
	 * @example await recordEvent(projectId, 'decision', { action: 'exclude', respondents: [17], reason: 'speeder' }, () => db.decisions.add(d));
	 */
	recordEvent<T extends EventType>(projectId: string, type: T, payload: AuditPayloads[T], alsoWrite?: () => unknown): Promise<AuditEvent>;
	/**
	 * Appends several events in one transaction (with `alsoWrite`, as recordEvent): a bulk action or a
	 * saved form that changes many things is audited atomically, and fast (one IndexedDB commit).
	 */
	recordEvents(projectId: string, inputs: readonly EventInput[], alsoWrite?: () => unknown): Promise<AuditEvent[]>;
	/** Verifies every chain stored for the project against the kept checkpoints; when intact, moves the checkpoints to the heads and witnesses new peer heads. */
	verify(projectId: string): Promise<{ audit: AuditExport; verdict: AuditVerdict }>;
	/** Every chain stored for the project as an AUDIT export (SPEC §7); archived events only `withArchives`. */
	exportAudit(projectId: string, options?: { withArchives?: boolean }): Promise<AuditExport>;
	/**
	 * Retention: moves this device's events older than `before` out of the live log into an archive
	 * kept in this browser (one row, the AUDIT JSON of the chain's beginning), recorded by an `archive`
	 * event in the same transaction. Verification joins the archives back. Null when nothing is that old.
	 */
	archive(projectId: string, before: string): Promise<AuditArchive | null>;
	/** The project's archives, oldest first: the files `sieve verify ARCHIVE.json … AUDIT.json` takes before the export. */
	archives(projectId: string): Promise<{ name: string; text: string }[]>;
	identity(): Promise<DeviceIdentityRow>;
	setActor(name: string): Promise<DeviceIdentityRow>;
}

/**
 * The audit trail of one database: one chain per (project, this device), appends serialised.
 * @example const log = createAuditLog(getDb()); await log.recordEvent(id, 'audit-view', { view: 'timeline' });
 */
export function createAuditLog(db: SieveDb): AuditLog {
	const chains = new Map<string, Promise<Chain>>();
	let identity: Promise<DeviceIdentityRow> | null = null;
	let queue: Promise<unknown> = Promise.resolve();
	const me = () => (identity ??= getDeviceIdentity(db));

	async function openChain(projectId: string): Promise<Chain> {
		const { device, actor } = await me();
		const store = createDexieChainStore(db, projectId, device);
		try {
			return await createChain(device, actor, store, projectId);
		} catch (e) {
			// Another tab wrote the chain-start first; the chain now exists.
			if (e instanceof StaleHeadError) return createChain(device, actor, store, projectId);
			throw e;
		}
	}

	function chainOf(projectId: string): Promise<Chain> {
		let chain = chains.get(projectId);
		if (!chain) {
			chain = openChain(projectId);
			chains.set(projectId, chain);
			chain.catch(() => chains.delete(projectId));
		}
		return chain;
	}

	function recordEvents(projectId: string, inputs: readonly EventInput[], alsoWrite?: () => unknown) {
		const run = async () => {
			const [chain, { actor }] = await Promise.all([chainOf(projectId), me()]);
			return appendEvents(
				chain,
				inputs.map((input) => ({ ...input, actor: input.actor ?? actor })),
				alsoWrite
			);
		};
		const result = queue.then(run, run);
		queue = result.catch(() => undefined);
		return result;
	}

	async function recordEvent<T extends EventType>(projectId: string, type: T, payload: AuditPayloads[T], alsoWrite?: () => unknown) {
		return (await recordEvents(projectId, [{ type, payload } as EventInput], alsoWrite))[0];
	}

	async function exportAudit(projectId: string, { withArchives = false } = {}): Promise<AuditExport> {
		const live = buildAuditExport(projectId, await loadChains(db, projectId));
		const stored = withArchives ? await loadArchives(db, projectId) : [];
		return stored.length ? joinArchives([...stored.map((r) => asAuditExport(JSON.parse(r.text))), live]) : live;
	}

	async function archive(projectId: string, before: string): Promise<AuditArchive | null> {
		const { device } = await me();
		const own = (await loadChains(db, projectId)).filter((c) => c.device === device);
		const { archive: moved } = splitArchive(buildAuditExport(projectId, own), before);
		const events = moved.chains[0]?.events;
		if (!events?.length) return null;
		const last = events.at(-1)!;
		const row = { projectId, device, before: moved.archived.before, fromSeq: events[0].seq, toSeq: last.seq, text: stringifyAudit(moved) };
		await recordEvent(projectId, 'archive', { before: row.before, events: events.length, seq: last.seq, hash: last.hash }, () =>
			moveToArchive(db, row)
		);
		return moved;
	}

	async function archives(projectId: string) {
		return (await loadArchives(db, projectId)).map((r) => ({
			name: `audit-archive-${r.device}-${r.fromSeq}-${r.toSeq}.json`,
			text: r.text
		}));
	}

	async function verify(projectId: string) {
		const audit = await exportAudit(projectId, { withArchives: true });
		const verdict = await verifyAudit(audit, await loadCheckpoints(db, projectId));
		if (verdict.ok) {
			await saveCheckpoints(
				db,
				projectId,
				verdict.chains.map((c) => ({ device: c.device, ...c.head }))
			);
			const { device } = await me();
			const own = audit.chains.find((c) => c.device === device)?.events ?? [];
			const witnesses: EventInput[] = verdict.chains
				.filter((peer) => {
					if (peer.device === device) return false;
					const seen = lastWitness(own, peer.device);
					return !(seen?.seq === peer.head.seq && seen.hash === peer.head.hash);
				})
				.map((peer) => ({ type: 'witness', payload: { device: peer.device, ...peer.head } }));
			await recordEvents(projectId, witnesses);
		}
		return { audit, verdict };
	}

	async function setActor(name: string) {
		const row = await setActorName(db, name);
		identity = Promise.resolve(row);
		return row;
	}

	return { recordEvent, recordEvents, verify, exportAudit, archive, archives, identity: me, setActor };
}

function lastWitness(events: readonly AuditEvent[], device: string): { seq: number; hash: string } | null {
	for (let i = events.length - 1; i >= 0; i--) {
		const p = events[i].payload;
		if (events[i].type === 'witness' && p.device === device) return { seq: Number(p.seq), hash: String(p.hash) };
	}
	return null;
}

const logs = new WeakMap<SieveDb, AuditLog>();

/** The audit log of `db` (the app's database by default), made once per database. */
export function getAuditLog(db: SieveDb = getDb()): AuditLog {
	let log = logs.get(db);
	if (!log) logs.set(db, (log = createAuditLog(db)));
	return log;
}

/** Records one audit event for `projectId` in the app's database; `alsoWrite` (Dexie calls only) commits in the same transaction. */
export function recordEvent<T extends EventType>(
	projectId: string,
	type: T,
	payload: AuditPayloads[T],
	alsoWrite?: () => unknown
): Promise<AuditEvent> {
	return getAuditLog().recordEvent(projectId, type, payload, alsoWrite);
}
