import { flattenAudit, type AuditExport } from './audit-export';
import type { DeviceEvent } from './events';

/** Everything the audit trail holds about one person (a GDPR-style access request), with hashes to check against the chains. */
export type ActorExport = {
	version: 1;
	kind: 'actor-export';
	project: string;
	actor: string;
	generatedAt: string;
	/** Devices whose chains hold events this person signed. */
	devices: string[];
	summary: { authored: number; mentioning: number; firstEvent: string | null; lastEvent: string | null; byType: Record<string, number> };
	/** Events this person signed, oldest first. */
	authored: DeviceEvent[];
	/** Events by others that name this person: comments mentioning them, findings assigned to them, earlier exports of their data. */
	mentioning: DeviceEvent[];
};

/**
 * Every event signed by `actor` and every event by someone else that names them, from all chains.
 * Names are compared exactly, as the chain stores them (a rename is a new name from then on).
 */
export function actorExport(audit: AuditExport, actor: string, generatedAt = new Date().toISOString()): ActorExport {
	const byTime = (a: DeviceEvent, b: DeviceEvent) => Date.parse(a.time) - Date.parse(b.time) || a.seq - b.seq;
	const events = flattenAudit(audit);
	const authored = events.filter((e) => e.actor === actor).sort(byTime);
	const mentioning = events.filter((e) => e.actor !== actor && names(e, actor)).sort(byTime);
	const byType: Record<string, number> = {};
	for (const e of authored) byType[e.type] = (byType[e.type] ?? 0) + 1;
	return {
		version: 1,
		kind: 'actor-export',
		project: audit.project,
		actor,
		generatedAt,
		devices: [...new Set(authored.map((e) => e.device))].sort(),
		summary: {
			authored: authored.length,
			mentioning: mentioning.length,
			firstEvent: authored[0]?.time ?? null,
			lastEvent: authored.at(-1)?.time ?? null,
			byType
		},
		authored,
		mentioning
	};
}

function names(e: DeviceEvent, actor: string): boolean {
	const p = e.payload;
	if (Array.isArray(p.mentions) && p.mentions.includes(actor)) return true;
	return p.assignee === actor || (e.type === 'export' && p.subject === actor);
}
