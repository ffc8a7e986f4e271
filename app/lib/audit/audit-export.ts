import type { AuditEvent, DeviceEvent } from './events';

/** The AUDIT export (SPEC §7): every chain the project knows, keyed by device. */
export type AuditExport = { version: 1; project: string; chains: AuditChainExport[] };
export type AuditChainExport = { device: string; events: AuditEvent[] };

export class AuditFormatError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'AuditFormatError';
	}
}

/** Checks the envelope of a parsed AUDIT file; the chains themselves are for verifyAudit to judge. */
export function asAuditExport(value: unknown): AuditExport {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new AuditFormatError('not an AUDIT export: the top level is not an object');
	}
	const doc = value as Record<string, unknown>;
	if (doc.version !== 1) throw new AuditFormatError(`not an AUDIT export of version 1 (version is ${JSON.stringify(doc.version)})`);
	if (typeof doc.project !== 'string') throw new AuditFormatError('not an AUDIT export: "project" is not a string');
	if (!Array.isArray(doc.chains)) throw new AuditFormatError('not an AUDIT export: "chains" is not an array');
	return value as AuditExport;
}

/** All events of all chains, each with its device, in chain order (not time order). */
export function flattenAudit(audit: AuditExport): DeviceEvent[] {
	return audit.chains.flatMap((c) => c.events.map((e) => ({ ...e, device: c.device })));
}
