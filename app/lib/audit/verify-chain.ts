import { ZERO_HASH, type AuditEvent, type Checkpoint } from './events';
import { eventShapeProblem } from './event-shape';
import { hashEvent } from './hash';

export type BreakReason =
	| 'malformed'
	| 'bad-start'
	| 'hash-mismatch'
	| 'prev-mismatch'
	| 'seq-gap'
	| 'reordered'
	| 'duplicate'
	| 'fork'
	| 'truncated'
	| 'checkpoint-mismatch'
	| 'device-mismatch'
	| 'project-mismatch'
	| 'duplicate-chain'
	| 'missing-chain';

/** Where a chain first breaks: `index` in the list as given, `seq` as the chain should have it. */
export type ChainBreak = { ok: false; index: number; seq: number; reason: BreakReason; detail: string };
export type ChainVerdict = { ok: true; head: AuditEvent } | ChainBreak;

// Digests run a batch at a time: one WebCrypto round trip per event costs a task hop each.
const BATCH = 256;

/**
 * Verifies one device's chain from its `chain-start`: shape, every hash, seq continuity, prev links,
 * and that it still reaches every checkpoint with the same hash. A chain recomputed from some point
 * on verifies by itself; only a checkpoint (or a peer's witness event) past that point reveals it.
 */
export async function verifyChain(events: readonly unknown[], checkpoints: Checkpoint | readonly Checkpoint[] = []): Promise<ChainVerdict> {
	if (events.length === 0) return broken(0, 0, 'truncated', 'the chain has no events, not even its chain-start');
	const chain = events as readonly AuditEvent[];
	for (let start = 0; start < chain.length; start += BATCH) {
		const end = Math.min(chain.length, start + BATCH);
		const shapes: (string | null)[] = [];
		for (let i = start; i < end; i++) shapes.push(eventShapeProblem(chain[i]));
		const hashes = await Promise.all(shapes.map((problem, k) => (problem ? null : hashEvent(chain[start + k]).catch((e: Error) => e))));
		for (let i = start; i < end; i++) {
			const problem = shapes[i - start];
			if (problem) return broken(i, i, 'malformed', problem);
			const verdict = checkLink(chain, i, hashes[i - start] as string | Error);
			if (verdict) return verdict;
		}
	}
	for (const cp of ([] as Checkpoint[]).concat(checkpoints)) {
		if (!Number.isSafeInteger(cp.seq) || cp.seq < 0) throw new RangeError(`checkpoint seq ${cp.seq} is not a chain position`);
		if (cp.seq >= chain.length) {
			return broken(
				chain.length,
				chain.length,
				'truncated',
				`the chain ends at seq ${chain.length - 1} but a checkpoint vouches for seq ${cp.seq}`
			);
		}
		if (chain[cp.seq].hash !== cp.hash) {
			return broken(cp.seq, cp.seq, 'checkpoint-mismatch', `hash ${chain[cp.seq].hash} differs from the checkpoint's ${cp.hash}`);
		}
	}
	return { ok: true, head: chain[chain.length - 1] };
}

function checkLink(chain: readonly AuditEvent[], i: number, computed: string | Error): ChainBreak | null {
	const e = chain[i];
	if (computed instanceof Error) return broken(i, i, 'malformed', computed.message);
	if (computed !== e.hash) return broken(i, i, 'hash-mismatch', `content hashes to ${computed}, the event says ${e.hash}`);
	if (e.seq < i) {
		return e.hash === chain[e.seq].hash
			? broken(i, i, 'duplicate', `a second copy of seq ${e.seq}`)
			: broken(i, i, 'fork', `a different event with seq ${e.seq} (hash ${e.hash} vs ${chain[e.seq].hash})`);
	}
	if (e.seq > i) {
		const later = chain.findIndex((x, k) => k > i && (x as AuditEvent | null)?.seq === i);
		return later >= 0
			? broken(i, i, 'reordered', `seq ${e.seq} stands where seq ${i} should be; seq ${i} is at position ${later}`)
			: broken(i, i, 'seq-gap', `seq ${i} is missing; the next event has seq ${e.seq}`);
	}
	const prev = i === 0 ? ZERO_HASH : chain[i - 1].hash;
	if (e.prev !== prev) return broken(i, i, 'prev-mismatch', `prev is ${e.prev}, the previous event's hash is ${prev}`);
	if (i === 0 && (e.type !== 'chain-start' || typeof e.payload.device !== 'string')) {
		return broken(0, 0, 'bad-start', `seq 0 is a ${e.type} event, not a chain-start naming its device`);
	}
	return null;
}

function broken(index: number, seq: number, reason: BreakReason, detail: string): ChainBreak {
	return { ok: false, index, seq, reason, detail };
}
