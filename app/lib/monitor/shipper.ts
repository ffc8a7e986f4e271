import type { LogEntry } from '../../../server/protocol/logs';
import { traceparent } from './traceparent';
import type { LocalLogEntry } from './types';

/** How one batch goes out; `keepalive` on the final flush as the page hides. Resolves to the HTTP status; rejects when offline. */
export type SendBatch = (body: string, headers: Record<string, string>, keepalive: boolean) => Promise<number>;

export interface ShipperOptions {
	send: SendBatch;
	/** trace id of this session: every batch's `traceparent` carries it */
	trace: string;
	now?: () => number;
	setTimer?: (fn: () => void, ms: number) => unknown;
	clearTimer?: (timer: unknown) => void;
	random?: () => number;
	maxBatch?: number;
	maxBatchBytes?: number;
	intervalMs?: number;
	dedupMs?: number;
	retries?: number;
	backoffMs?: number;
	/** entries kept while the relay cannot be reached; the oldest go first */
	queueCap?: number;
}

export interface ShipperStats {
	sent: number;
	batches: number;
	/** folded into an earlier identical error */
	deduplicated: number;
	/** dropped: the offline queue was full, the relay refused a batch, or an entry was too big */
	dropped: number;
	queued: number;
}

export interface Shipper {
	push(entry: LocalLogEntry): void;
	/** Sends what is queued now (batch by batch); resolves when done or when the relay is unreachable. */
	flush(): Promise<void>;
	/** The page is hiding: one last batch with `keepalive`, no retries. */
	flushOnHide(): void;
	stats(): ShipperStats;
	stop(): void;
}

export const SHIPPING_DEFAULTS = {
	maxBatch: 10,
	maxBatchBytes: 60 * 1024,
	intervalMs: 5000,
	dedupMs: 10_000,
	retries: 3,
	backoffMs: 1000,
	queueCap: 1000
};

const RETRYABLE = (status: number) => status === 408 || status === 429 || status >= 500;

const toWire = ({ time, level, message, context, error, count }: LocalLogEntry & { count?: number }): LogEntry => ({
	time,
	level,
	message,
	...(context ? { context } : {}),
	...(error ? { error } : {}),
	...(count && count > 1 ? { count } : {})
});

/**
 * Opt-in shipping of log entries to the relay's `POST /logs`: batches of at most 10 entries and
 * 60 KB, sent when 10 are waiting or every 5 s; an error repeated within 10 s goes once with a
 * count; a failed batch is retried 3 times with exponential backoff and jitter, and stays queued
 * (capped) while the relay is unreachable.
 *
 * @example
 * const shipper = createShipper({ trace, send: (body, headers, keepalive) => fetch(url, { method: 'POST', body, headers, keepalive }).then((r) => r.status) });
 */
export function createShipper(options: ShipperOptions): Shipper {
	const o = { ...SHIPPING_DEFAULTS, ...options };
	const now = o.now ?? Date.now;
	const setTimer = o.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
	const clearTimer = o.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
	const random = o.random ?? Math.random;
	const sleep = (ms: number) => new Promise<void>((resolve) => setTimer(resolve, ms));

	const queue: LogEntry[] = [];
	/**
	 * fingerprint → its dedup window: repeats fold into the first entry while it waits in the queue,
	 * and into one held entry once it has gone, released when the window closes.
	 */
	const recent = new Map<string, { since: number; entry: LogEntry; sent: boolean; held: LogEntry | null }>();
	const stats: ShipperStats = { sent: 0, batches: 0, deduplicated: 0, dropped: 0, queued: 0 };
	let timer: unknown = null;
	let sending: Promise<void> | null = null;
	let stopped = false;

	const enqueue = (entry: LogEntry) => {
		queue.push(entry);
		if (queue.length > o.queueCap) {
			queue.shift();
			stats.dropped++;
		}
	};

	/** The next batch: up to maxBatch entries whose JSON array fits maxBatchBytes. */
	const takeBatch = (): { entries: LogEntry[]; body: string } | null => {
		const entries: LogEntry[] = [];
		let bytes = 2;
		while (queue.length && entries.length < o.maxBatch) {
			const size = new TextEncoder().encode(JSON.stringify(queue[0])).length + 1;
			if (size + 2 > o.maxBatchBytes) {
				queue.shift();
				stats.dropped++;
				continue;
			}
			if (bytes + size > o.maxBatchBytes) break;
			bytes += size;
			entries.push(queue.shift()!);
		}
		if (!entries.length) return null;
		for (const e of entries) {
			const w = e.error?.fingerprint ? recent.get(e.error.fingerprint) : undefined;
			if (w?.entry === e) w.sent = true;
		}
		return { entries, body: JSON.stringify(entries) };
	};

	/** Closes dedup windows older than dedupMs (all of them when `all`), queueing their held repeats. */
	const release = (t: number, all = false) => {
		for (const [fp, w] of recent) {
			if (!all && t - w.since < o.dedupMs) continue;
			recent.delete(fp);
			if (w.held) enqueue(w.held);
		}
	};

	const headers = () => ({ 'content-type': 'application/json', traceparent: traceparent(o.trace) });

	/** true: delivered or refused for good; false: the relay is unreachable, put it back. */
	const deliver = async (body: string): Promise<boolean> => {
		for (let attempt = 0; attempt <= o.retries; attempt++) {
			if (attempt > 0) await sleep(o.backoffMs * 2 ** (attempt - 1) * (0.8 + 0.4 * random()));
			try {
				const status = await o.send(body, headers(), false);
				if (!RETRYABLE(status)) return true;
			} catch {
				// offline or refused connection: retry, then keep the batch queued
			}
		}
		return false;
	};

	/** Sends queued batches: only full ones unless `all` (the timer, an explicit flush). */
	const drain = async (all: boolean) => {
		let batch: ReturnType<typeof takeBatch>;
		while (!stopped && (all || queue.length >= o.maxBatch) && (batch = takeBatch())) {
			if (await deliver(batch.body)) {
				stats.sent += batch.entries.length;
				stats.batches++;
			} else {
				queue.unshift(...batch.entries);
				while (queue.length > o.queueCap) {
					queue.shift();
					stats.dropped++;
				}
				return;
			}
		}
	};

	const flush = (all = true): Promise<void> => (sending ??= drain(all).finally(() => (sending = null)));

	const tick = () => {
		timer = null;
		if (stopped) return;
		release(now());
		void flush().then(() => (queue.length || recent.size ? arm() : undefined));
	};
	const arm = () => {
		if (!stopped && timer === null) timer = setTimer(tick, o.intervalMs);
	};

	return {
		push(local) {
			if (stopped) return;
			const fp = local.error?.fingerprint;
			const t = now();
			release(t);
			const seen = fp ? recent.get(fp) : undefined;
			if (seen) {
				if (seen.held || !seen.sent) stats.deduplicated++;
				if (!seen.sent) seen.entry.count = (seen.entry.count ?? 1) + 1;
				else if (seen.held) seen.held.count = (seen.held.count ?? 1) + 1;
				else seen.held = toWire(local);
				arm();
				return;
			}
			const entry = toWire(local);
			if (fp) recent.set(fp, { since: t, entry, sent: false, held: null });
			enqueue(entry);
			if (queue.length >= o.maxBatch) void flush(false);
			arm();
		},
		flush: () => flush(),
		flushOnHide() {
			release(now(), true);
			const batch = takeBatch();
			if (!batch) return;
			stats.sent += batch.entries.length;
			stats.batches++;
			o.send(batch.body, headers(), true).catch(() => undefined);
		},
		stats: () => ({ ...stats, queued: queue.length }),
		stop() {
			stopped = true;
			if (timer !== null) clearTimer(timer);
			timer = null;
		}
	};
}
