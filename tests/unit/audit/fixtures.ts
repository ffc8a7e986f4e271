import { appendEvent, createChain } from '../../../app/lib/audit/chain';
import { buildAuditExport } from '../../../app/lib/audit/export';
import type { AuditEvent, AuditExport, Checkpoint, EventInput } from '../../../app/lib/audit';
import { createMemoryStore } from '../../../app/lib/audit/memory-store';

export const PROJECT = 'survey-2026';
const T0 = Date.parse('2026-11-20T09:00:00.000Z');

/** A device chain with `n` events after its chain-start, one a minute from 09:00 UTC. */
export async function buildChain(device: string, inputs: EventInput[], actor = 'alice'): Promise<AuditEvent[]> {
	const store = createMemoryStore(device);
	const chain = await createChain(device, actor, store, PROJECT);
	for (const input of inputs) await appendEvent(chain, input);
	return store.events;
}

export function views(n: number, start = T0): EventInput[] {
	return Array.from({ length: n }, (_, i) => ({
		type: 'audit-view' as const,
		payload: { view: 'timeline' as const },
		time: new Date(start + (i + 1) * 60_000).toISOString()
	}));
}

export async function buildAudit(devices: Record<string, number>): Promise<AuditExport> {
	const chains = [];
	for (const [device, n] of Object.entries(devices)) chains.push({ device, events: await buildChain(device, views(n)) });
	return buildAuditExport(PROJECT, chains);
}

export const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export function headsOf(audit: AuditExport): Checkpoint[] {
	return audit.chains.map((c) => ({ device: c.device, seq: c.events.at(-1)!.seq, hash: c.events.at(-1)!.hash }));
}
