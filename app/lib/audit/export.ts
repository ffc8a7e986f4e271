import { canonicalize } from './canonical-json';
import type { AuditArchive } from './archive';
import type { AuditExport } from './audit-export';
import type { AuditEvent } from './events';
import { csvRow } from './csv';
import { riskOf } from './risk';

/** The AUDIT export object (SPEC §7) for the chains a project holds; chains sorted by device. */
export function buildAuditExport(project: string, chains: Iterable<{ device: string; events: readonly AuditEvent[] }>): AuditExport {
	const list = [...chains]
		.map((c) => ({ device: c.device, events: c.events.map(orderFields) }))
		.sort((a, b) => (a.device < b.device ? -1 : a.device > b.device ? 1 : 0));
	return { version: 1, project, chains: list };
}

/** AUDIT JSON text: one event per line so that diffs and hand inspection stay readable. An archive keeps its `archived` note. */
export function stringifyAudit(audit: AuditExport & Partial<Pick<AuditArchive, 'archived'>>): string {
	const chains = audit.chains.map((c) => {
		const events = c.events.map((e) => JSON.stringify(orderFields(e))).join(',\n');
		return `{"device":${JSON.stringify(c.device)},"events":[\n${events}\n]}`;
	});
	const archived = audit.archived ? `"archived":${JSON.stringify(audit.archived)},` : '';
	return `{"version":1,"project":${JSON.stringify(audit.project)},${archived}"chains":[\n${chains.join(',\n')}\n]}\n`;
}

const CSV_HEADER = ['device', 'seq', 'time', 'actor', 'type', 'risk', 'payload', 'prev', 'hash'];

/** One row per event, with its hash and prev; payload as canonical JSON. */
export function auditCsv(audit: AuditExport): string {
	const rows = [csvRow(CSV_HEADER)];
	for (const chain of audit.chains) {
		for (const e of chain.events) {
			rows.push(csvRow([chain.device, e.seq, e.time, e.actor, e.type, riskOf(e).level, canonicalize(e.payload), e.prev, e.hash]));
		}
	}
	return `${rows.join('\r\n')}\r\n`;
}

function orderFields(e: AuditEvent): AuditEvent {
	return { seq: e.seq, time: e.time, actor: e.actor, type: e.type, payload: e.payload, prev: e.prev, hash: e.hash };
}
