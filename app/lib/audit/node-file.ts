import { readFile, rename, writeFile } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';
import path from 'node:path';
import { asAuditExport, type AuditChainExport } from './audit-export';
import { appendEvents, createChain } from './chain';
import type { AuditEvent, EventInput } from './events';
import { stringifyAudit } from './export';
import { createMemoryStore } from './memory-store';
import { verifyAudit } from './verify-audit';

export type RunIdentity = { device?: string; actor?: string; project?: string };

/**
 * Appends a command-line run's events to the CLI device's chain in an AUDIT file, creating the file
 * when absent. The whole file is verified first: nothing is appended to a broken audit trail.
 * The file is replaced by rename, so a crash leaves either the old or the new file.
 */
export async function appendRunEvents(
	auditPath: string,
	inputs: readonly EventInput[],
	identity: RunIdentity = {}
): Promise<{ device: string; appended: AuditEvent[]; head: AuditEvent }> {
	const device = identity.device ?? `cli-${hostname()}`;
	const actor = identity.actor ?? currentUser();
	const audit = (await readAudit(auditPath)) ?? {
		version: 1 as const,
		project: identity.project ?? path.basename(auditPath).replace(/\.json$/i, ''),
		chains: []
	};
	const verdict = await verifyAudit(audit, [], { archived: true });
	if (!verdict.ok) {
		throw new Error(
			`${auditPath}: refusing to append to a broken audit trail (device ${verdict.device ?? '?'}, seq ${verdict.seq}: ${verdict.reason})`
		);
	}
	let entry: AuditChainExport | undefined = audit.chains.find((c) => c.device === device);
	if (!entry) {
		entry = { device, events: [] };
		audit.chains.push(entry);
	}
	const chain = await createChain(device, actor, createMemoryStore(device, entry.events), audit.project);
	const appended = await appendEvents(chain, inputs);
	const tmp = `${auditPath}.${process.pid}.tmp`;
	await writeFile(tmp, stringifyAudit(audit));
	await rename(tmp, auditPath);
	return { device, appended, head: chain.head };
}

/** The AUDIT file at `auditPath`, or null when there is none; a file that is no AUDIT export throws naming it. */
export async function readAudit(auditPath: string) {
	let text: string;
	try {
		text = await readFile(auditPath, 'utf8');
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw e;
	}
	try {
		return asAuditExport(JSON.parse(text));
	} catch (e) {
		throw new Error(`${auditPath}: not a readable AUDIT file (${(e as Error).message})`);
	}
}

function currentUser(): string {
	try {
		return userInfo().username;
	} catch {
		return 'cli';
	}
}
