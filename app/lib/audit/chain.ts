import { canonicalize } from './canonical-json';
import { ZERO_HASH, type AuditEvent, type Checkpoint, type EventInput, type JsonObject } from './events';
import { hashEvent } from './hash';

/**
 * Where one device's chain lives (Dexie in the app, a file in the CLI, memory in tests).
 * `append` must write a run of consecutive events atomically (one transaction) and only if the
 * stored head is still `events[0].seq - 1` with hash `events[0].prev`; otherwise it throws
 * StaleHeadError and writes nothing.
 */
export interface ChainStore {
	/** The last event of this device's chain, or null while it is empty. */
	head(): Promise<AuditEvent | null>;
	/** `alsoWrite` runs inside the same transaction: the change the events record. */
	append(events: readonly AuditEvent[], alsoWrite?: () => unknown): Promise<void>;
}

/** Whether `first` extends `head`: the check every ChainStore makes inside its transaction. */
export function extendsHead(head: AuditEvent | null, first: AuditEvent): boolean {
	return first.seq === (head ? head.seq + 1 : 0) && (!head || first.prev === head.hash);
}

export class StaleHeadError extends Error {
	constructor(device: string) {
		super(`audit chain of ${device} moved on while appending`);
		this.name = 'StaleHeadError';
	}
}

export type Chain = {
	readonly device: string;
	readonly actor: string;
	readonly store: ChainStore;
	head: AuditEvent;
};

/**
 * Builds the next event after `head` (null: the chain's first event). Pure apart from hashing.
 * Hashing is async (WebCrypto), so build the event before opening the IndexedDB transaction that
 * writes it: an await on a non-IDB promise inside the transaction would let it auto-commit.
 */
export async function nextEvent(head: AuditEvent | null, input: EventInput, actor: string): Promise<AuditEvent> {
	const time = input.time instanceof Date ? input.time.toISOString() : (input.time ?? new Date().toISOString());
	const payloadText = canonicalize(input.payload);
	const unhashed = {
		seq: head ? head.seq + 1 : 0,
		time,
		actor: input.actor ?? actor,
		type: input.type,
		// Detaches the payload from the caller and drops undefined members, so the stored event is what was hashed.
		payload: JSON.parse(payloadText) as JsonObject,
		prev: head ? head.hash : ZERO_HASH
	};
	return { ...unhashed, hash: await hashEvent(unhashed, payloadText) };
}

/**
 * Opens a device's chain, writing its `chain-start` event when the store is empty.
 * @example
 * const chain = await createChain('laptop-7f3a', 'alice', store);
 * await appendEvent(chain, { type: 'audit-view', payload: { view: 'timeline' } });
 */
export async function createChain(device: string, actor: string, store: ChainStore, project?: string): Promise<Chain> {
	let head = await store.head();
	if (!head) {
		const start = await nextEvent(null, { type: 'chain-start', payload: { device, project } }, actor);
		await store.append([start]);
		head = start;
	}
	return { device, actor, store, head };
}

const RETRIES = 5;

/** Appends one event to the chain (and, through `alsoWrite`, the change it records); returns it. */
export async function appendEvent(chain: Chain, input: EventInput, alsoWrite?: () => unknown): Promise<AuditEvent> {
	return (await appendEvents(chain, [input], alsoWrite))[0];
}

/**
 * Appends several events as one write (one IndexedDB transaction in the app): a bulk action's
 * events and the change they record commit together or not at all. Returns them in order.
 */
export async function appendEvents(chain: Chain, inputs: readonly EventInput[], alsoWrite?: () => unknown): Promise<AuditEvent[]> {
	if (inputs.length === 0) return [];
	for (let attempt = 0; ; attempt++) {
		const events: AuditEvent[] = [];
		for (const input of inputs) events.push(await nextEvent(events.at(-1) ?? chain.head, input, chain.actor));
		try {
			await chain.store.append(events, alsoWrite);
			chain.head = events.at(-1)!;
			return events;
		} catch (e) {
			if (!(e instanceof StaleHeadError) || attempt >= RETRIES) throw e;
			// Another tab or worker of this device appended first; rebuild on its head.
			const head = await chain.store.head();
			if (!head) throw e;
			chain.head = head;
		}
	}
}

/** The checkpoint to keep apart from the chain after it verified. */
export function checkpointOf(device: string, head: AuditEvent): Checkpoint {
	return { device, seq: head.seq, hash: head.hash };
}
