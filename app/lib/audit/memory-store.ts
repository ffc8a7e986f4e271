import { StaleHeadError, type ChainStore } from './chain';
import type { AuditEvent } from './events';

/** A ChainStore over an array: tests, the CLI, and the reference for the Dexie store's contract. */
export function createMemoryStore(device: string, events: AuditEvent[] = []): ChainStore & { events: AuditEvent[] } {
	return {
		events,
		async head() {
			return events.at(-1) ?? null;
		},
		async append(event, alsoWrite) {
			const head = events.at(-1);
			if (event.seq !== (head ? head.seq + 1 : 0) || (head && event.prev !== head.hash)) {
				throw new StaleHeadError(device);
			}
			await alsoWrite?.();
			events.push(event);
		}
	};
}
