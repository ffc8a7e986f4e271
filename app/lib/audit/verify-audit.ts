import type { AuditExport } from './audit-export';
import type { AuditEvent, Checkpoint } from './events';
import { verifyChain, type BreakReason } from './verify-chain';

export type ChainSummary = { device: string; events: number; head: { seq: number; hash: string } };

/** The first broken event across the export: its device (null when the chain entry has none). */
export type AuditBreak = {
	ok: false;
	device: string | null;
	chain: number;
	index: number;
	seq: number;
	reason: BreakReason;
	detail: string;
};
export type AuditVerdict = { ok: true; chains: ChainSummary[] } | AuditBreak;

/**
 * Verifies every chain of an AUDIT export, in file order, against the separately kept checkpoints
 * and against the peer heads each chain witnessed, and names the first broken event. `archived`:
 * chains may start after seq 0 (the log kept after `sieve archive`), see verifyChain.
 */
export async function verifyAudit(
	audit: AuditExport,
	checkpoints: readonly Checkpoint[] = [],
	options: { archived?: boolean } = {}
): Promise<AuditVerdict> {
	const seen = new Map<string, number>();
	const summaries: ChainSummary[] = [];
	for (const [c, entry] of audit.chains.entries()) {
		const shape = chainEntryProblem(entry);
		const device = typeof entry?.device === 'string' ? entry.device : null;
		if (shape) return { ok: false, device, chain: c, index: 0, seq: 0, reason: 'malformed', detail: shape };
		const { events } = entry;
		if (seen.has(entry.device)) {
			return {
				ok: false,
				device,
				chain: c,
				index: 0,
				seq: 0,
				reason: 'duplicate-chain',
				detail: `a second chain for ${entry.device} (the first is chain ${seen.get(entry.device)})`
			};
		}
		seen.set(entry.device, c);
		const verdict = await verifyChain(
			events,
			checkpoints.filter((cp) => cp.device === entry.device),
			options
		);
		if (!verdict.ok) return { ...verdict, device, chain: c };
		if (events[0].seq > 0) {
			summaries.push({ device: entry.device, events: events.length, head: { seq: verdict.head.seq, hash: verdict.head.hash } });
			continue;
		}
		const claimed = events[0].payload.device;
		if (claimed !== entry.device) {
			return {
				ok: false,
				device,
				chain: c,
				index: 0,
				seq: 0,
				reason: 'device-mismatch',
				detail: `the chain is filed under ${entry.device} but its chain-start names ${String(claimed)}`
			};
		}
		const project = events[0].payload.project;
		if (project !== undefined && project !== audit.project) {
			return {
				ok: false,
				device,
				chain: c,
				index: 0,
				seq: 0,
				reason: 'project-mismatch',
				detail: `the export is for project ${audit.project} but this chain-start names ${String(project)}`
			};
		}
		summaries.push({ device: entry.device, events: events.length, head: { seq: verdict.head.seq, hash: verdict.head.hash } });
	}
	for (const cp of checkpoints) {
		if (!seen.has(cp.device)) {
			return {
				ok: false,
				device: cp.device,
				chain: -1,
				index: 0,
				seq: 0,
				reason: 'missing-chain',
				detail: `a checkpoint vouches for ${cp.device} up to seq ${cp.seq}, but the export has no chain for it`
			};
		}
	}
	return checkWitnesses(audit, seen) ?? { ok: true, chains: summaries };
}

function checkWitnesses(audit: AuditExport, index: Map<string, number>): AuditBreak | null {
	for (const chain of audit.chains) {
		for (const e of chain.events) {
			const w = e.type === 'witness' ? asWitness(e.payload) : null;
			if (!w || w.device === chain.device) continue;
			const c = index.get(w.device);
			const by = `witnessed by ${chain.device} at seq ${e.seq}`;
			const base = { ok: false as const, device: w.device, chain: c ?? -1 };
			if (c === undefined) {
				return { ...base, index: 0, seq: 0, reason: 'missing-chain', detail: `the export has no chain for ${w.device}, ${by}` };
			}
			const events: AuditEvent[] = audit.chains[c].events;
			const first = events[0]?.seq ?? 0;
			const at = w.seq - first;
			if (at < 0) continue;
			if (at >= events.length) {
				const detail = `the chain ends at seq ${first + events.length - 1} but reached seq ${w.seq}, ${by}`;
				return { ...base, index: events.length, seq: first + events.length, reason: 'truncated', detail };
			}
			if (events[at].hash !== w.hash) {
				const detail = `hash ${events[at].hash} differs from ${w.hash}, ${by}`;
				return { ...base, index: at, seq: w.seq, reason: 'checkpoint-mismatch', detail };
			}
		}
	}
	return null;
}

function asWitness(p: AuditEvent['payload']): Checkpoint | null {
	const { device, seq, hash } = p;
	if (typeof device !== 'string' || typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0 || typeof hash !== 'string')
		return null;
	return { device, seq, hash };
}

function chainEntryProblem(entry: unknown): string | null {
	if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return 'chain entry is not an object';
	const keys = Object.keys(entry).sort().join(',');
	if (keys !== 'device,events') return `chain entry has fields ${keys}, expected device,events`;
	const { device, events } = entry as Record<string, unknown>;
	if (typeof device !== 'string' || device === '') return 'chain entry has no device name';
	if (!Array.isArray(events)) return 'chain entry has no events array';
	return null;
}
