import type { AuditExport } from '../audit-export';
import { appendEvent, createChain } from '../chain';
import type { AuditEvent, EventInput } from '../events';
import { buildAuditExport } from '../export';
import { createMemoryStore } from '../memory-store';
import type { SimulatedActivity } from './activity';

/** The simulated log as a real, verifiable AUDIT export: every device's events appended to its own hash chain. */
export async function hashSimulated(sim: SimulatedActivity): Promise<AuditExport> {
	const chains: { device: string; events: AuditEvent[] }[] = [];
	for (const actor of sim.actors) {
		const store = createMemoryStore(actor.device);
		const chain = await createChain(actor.device, actor.name, store, sim.project);
		for (const e of sim.events) {
			if (e.device !== actor.device || e.seq === 0) continue;
			await appendEvent(chain, { type: e.type, payload: e.payload, time: e.time, actor: e.actor } as EventInput);
		}
		chains.push({ device: actor.device, events: store.events });
	}
	return buildAuditExport(sim.project, chains);
}
