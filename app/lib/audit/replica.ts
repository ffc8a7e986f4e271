import { ZERO_HASH, type AuditEvent } from './events';
import { eventShapeProblem } from './event-shape';
import { hashEvent } from './hash';

export type ReplicaProblem = {
	/**
	 * fork: a validly hashed event that differs from ours at the same seq; rewrite: a copy of an
	 * event we hold, changed without its hash; backwards: the replica is shorter than what we hold;
	 * gap: events after a missing seq (kept back until it arrives); invalid: a new event that does
	 * not hash or link correctly.
	 */
	kind: 'fork' | 'rewrite' | 'backwards' | 'gap' | 'invalid';
	seq: number;
	detail: string;
};

export type ReplicaMerge = { events: AuditEvent[]; added: AuditEvent[]; problems: ReplicaProblem[] };

/**
 * Merges a peer device's chain as replicated (e.g. the device's array in the project Y.Doc) into
 * our verified copy of it. Only verified, linked extensions are accepted; anything that would
 * change history is reported and left out. `complete`: `incoming` is the whole replica, not a delta,
 * so a shorter one means the peer's chain went backwards.
 */
export async function mergeReplica(
	local: readonly AuditEvent[],
	incoming: readonly unknown[],
	options: { device?: string; complete?: boolean } = {}
): Promise<ReplicaMerge> {
	const problems: ReplicaProblem[] = [];
	const checked: { event: AuditEvent; valid: boolean }[] = [];
	for (const value of incoming) {
		const shape = eventShapeProblem(value);
		if (shape) {
			const seq = (value as { seq?: unknown } | null)?.seq;
			problems.push({ kind: 'invalid', seq: typeof seq === 'number' ? seq : -1, detail: shape });
			continue;
		}
		const event = value as AuditEvent;
		const valid = await hashEvent(event).then(
			(h) => h === event.hash,
			() => false
		);
		checked.push({ event, valid });
	}
	checked.sort((a, b) => a.event.seq - b.event.seq);

	const events = [...local];
	const added: AuditEvent[] = [];
	let blocked = false;
	for (const { event, valid } of checked) {
		const held = events[event.seq];
		if (held) {
			if (held.hash === event.hash && valid) continue;
			problems.push(
				valid
					? { kind: 'fork', seq: event.seq, detail: `two events with seq ${event.seq}: ${held.hash} and ${event.hash}` }
					: { kind: 'rewrite', seq: event.seq, detail: `seq ${event.seq} was changed without its hash` }
			);
			continue;
		}
		if (blocked) continue;
		if (event.seq > events.length) {
			problems.push({ kind: 'gap', seq: events.length, detail: `seq ${events.length} has not arrived; seq ${event.seq} waits` });
			blocked = true;
			continue;
		}
		const reason = linkProblem(event, valid, events.at(-1), options.device);
		if (reason) {
			problems.push({ kind: 'invalid', seq: event.seq, detail: reason });
			blocked = true;
			continue;
		}
		events.push(event);
		added.push(event);
	}
	const incomingHead = checked.length ? checked[checked.length - 1].event.seq : -1;
	if (options.complete !== false && incomingHead < local.length - 1) {
		problems.push({
			kind: 'backwards',
			seq: incomingHead + 1,
			detail: `the replica ends at seq ${incomingHead}, we already hold up to seq ${local.length - 1}`
		});
	}
	return { events, added, problems };
}

function linkProblem(event: AuditEvent, valid: boolean, head: AuditEvent | undefined, device?: string): string | null {
	if (!valid) return `seq ${event.seq} does not hash to its hash`;
	if (event.prev !== (head ? head.hash : ZERO_HASH)) return `seq ${event.seq} does not link to seq ${event.seq - 1}`;
	if (!head && (event.type !== 'chain-start' || (device !== undefined && event.payload.device !== device))) {
		return `seq 0 is not the chain-start of ${device ?? 'a device'}`;
	}
	return null;
}
