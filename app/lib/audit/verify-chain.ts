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
 * `archived`: the chain may start after seq 0 because its beginning was moved to an archive; the
 * first event's link to the archive is then for `joinArchives` + verification to check.
 */
export async function verifyChain(
	events: readonly unknown[],
	checkpoints: Checkpoint | readonly Checkpoint[] = [],
	options: { archived?: boolean } = {}
): Promise<ChainVerdict> {
	if (events.length === 0) return broken(0, 0, 'truncated', 'the chain has no events, not even its chain-start');
	const chain = events as readonly AuditEvent[];
	const base = options.archived && !eventShapeProblem(chain[0]) ? chain[0].seq : 0;
	for (let start = 0; start < chain.length; start += BATCH) {
		const end = Math.min(chain.length, start + BATCH);
		const shapes: (string | null)[] = [];
		for (let i = start; i < end; i++) shapes.push(eventShapeProblem(chain[i]));
		const hashes = await Promise.all(shapes.map((problem, k) => (problem ? null : hashEvent(chain[start + k]).catch((e: Error) => e))));
		for (let i = start; i < end; i++) {
			const problem = shapes[i - start];
			if (problem) return broken(i, base + i, 'malformed', problem);
			const verdict = checkLink(chain, i, hashes[i - start] as string | Error, base);
			if (verdict) return verdict;
		}
	}
	for (const cp of ([] as Checkpoint[]).concat(checkpoints)) {
		if (!Number.isSafeInteger(cp.seq) || cp.seq < 0) throw new RangeError(`checkpoint seq ${cp.seq} is not a chain position`);
		const at = cp.seq - base;
		if (at < 0) continue;
		if (at >= chain.length) {
			return broken(
				chain.length,
				base + chain.length,
				'truncated',
				`the chain ends at seq ${base + chain.length - 1} but a checkpoint vouches for seq ${cp.seq}`
			);
		}
		if (chain[at].hash !== cp.hash) {
			return broken(at, cp.seq, 'checkpoint-mismatch', `hash ${chain[at].hash} differs from the checkpoint's ${cp.hash}`);
		}
	}
	return { ok: true, head: chain[chain.length - 1] };
}

function checkLink(chain: readonly AuditEvent[], i: number, computed: string | Error, base: number): ChainBreak | null {
	const e = chain[i];
	const seq = base + i;
	if (computed instanceof Error) return broken(i, seq, 'malformed', computed.message);
	if (computed !== e.hash) return broken(i, seq, 'hash-mismatch', `content hashes to ${computed}, the event says ${e.hash}`);
	if (e.seq < seq) {
		const earlier = chain[e.seq - base] as AuditEvent | undefined;
		return e.hash === earlier?.hash
			? broken(i, seq, 'duplicate', `a second copy of seq ${e.seq}`)
			: broken(i, seq, 'fork', `a different event with seq ${e.seq} (hash ${e.hash} vs ${earlier?.hash ?? 'none kept'})`);
	}
	if (e.seq > seq) {
		const later = chain.findIndex((x, k) => k > i && (x as AuditEvent | null)?.seq === seq);
		return later >= 0
			? broken(i, seq, 'reordered', `seq ${e.seq} stands where seq ${seq} should be; seq ${seq} is at position ${later}`)
			: broken(i, seq, 'seq-gap', `seq ${seq} is missing; the next event has seq ${e.seq}`);
	}
	if (i === 0 && base > 0) return null;
	const prev = i === 0 ? ZERO_HASH : chain[i - 1].hash;
	if (e.prev !== prev) return broken(i, seq, 'prev-mismatch', `prev is ${e.prev}, the previous event's hash is ${prev}`);
	if (i === 0 && (e.type !== 'chain-start' || typeof e.payload.device !== 'string')) {
		return broken(0, 0, 'bad-start', `seq 0 is a ${e.type} event, not a chain-start naming its device`);
	}
	return null;
}

function broken(index: number, seq: number, reason: BreakReason, detail: string): ChainBreak {
	return { ok: false, index, seq, reason, detail };
}
