import { extendsHead, StaleHeadError, type ChainStore } from './chain';
import type { AuditEvent } from './events';

/** A ChainStore over an array: tests, the CLI, and the reference for the Dexie store's contract. */
export function createMemoryStore(device: string, events: AuditEvent[] = []): ChainStore & { events: AuditEvent[] } {
	return {
		events,
		async head() {
			return events.at(-1) ?? null;
		},
		async append(added, alsoWrite) {
			if (!extendsHead(events.at(-1) ?? null, added[0])) throw new StaleHeadError(device);
			await alsoWrite?.();
			events.push(...added);
		}
	};
}
