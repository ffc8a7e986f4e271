import { AuditFormatError, type AuditExport } from './audit-export';
import type { AuditEvent } from './events';

/** An AUDIT export holding the archived beginning of each chain; `archived` says what was moved out. */
export type AuditArchive = AuditExport & { archived: { before: string; at: string } };

/**
 * Retention: splits each chain at `before` (ISO-8601) into the archive (the longest prefix of events
 * older than `before`, from the chain-start on, so the archive verifies by itself) and the rest to
 * keep. A chain's head always stays, so the kept log still names where each chain goes on from.
 * `joinArchives(archive, rest)` gives back the original export.
 */
export function splitArchive(
	audit: AuditExport,
	before: string,
	at = new Date().toISOString()
): { archive: AuditArchive; rest: AuditExport } {
	const cut = Date.parse(before);
	if (Number.isNaN(cut)) throw new RangeError(`not a date: ${before}`);
	const archived: AuditExport['chains'] = [];
	const kept: AuditExport['chains'] = [];
	for (const chain of audit.chains) {
		let n = 0;
		while (n < chain.events.length - 1 && Date.parse(chain.events[n].time) < cut) n++;
		if (n > 0) archived.push({ device: chain.device, events: chain.events.slice(0, n) });
		kept.push({ device: chain.device, events: chain.events.slice(n) });
	}
	return {
		archive: { version: 1, project: audit.project, chains: archived, archived: { before: new Date(cut).toISOString(), at } },
		rest: { version: 1, project: audit.project, chains: kept }
	};
}

/**
 * One export from archives and the live log, in the order given (oldest first): each device's events
 * are concatenated, so verifying the result checks every chain across the archive boundaries. Parts
 * of another project are refused; events repeated by two parts (same seq and hash) count once.
 */
export function joinArchives(parts: readonly AuditExport[]): AuditExport {
	if (parts.length === 0) throw new AuditFormatError('nothing to join');
	const project = parts[0].project;
	const chains = new Map<string, { events: AuditEvent[]; seen: Map<number, string> }>();
	for (const [i, part] of parts.entries()) {
		if (part.project !== project) throw new AuditFormatError(`part ${i + 1} is for project ${part.project}, not ${project}`);
		for (const chain of part.chains) {
			const joined = chains.get(chain.device) ?? { events: [] as AuditEvent[], seen: new Map<number, string>() };
			for (const e of chain.events) {
				if (joined.seen.get(e.seq) === e.hash) continue;
				joined.seen.set(e.seq, e.hash);
				joined.events.push(e);
			}
			chains.set(chain.device, joined);
		}
	}
	return { version: 1, project, chains: [...chains].map(([device, { events }]) => ({ device, events })) };
}
