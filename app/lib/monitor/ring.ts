import type { LogDb, LogRow } from './log-db';
import type { LocalLogEntry } from './types';

export interface LogRingOptions {
	db: LogDb;
	/** most entries kept */
	maxEntries?: number;
	/** most bytes kept (sum of the entries' JSON lengths) */
	maxBytes?: number;
}

export interface LogRing {
	/** Queues an entry; entries are written together on the next tick. */
	add(entry: LocalLogEntry): void;
	/** Resolves once every queued entry is written and the buffer is within its bounds. */
	flush(): Promise<void>;
	/** Kept entries, newest first. */
	list(filter?: { level?: number; projectId?: string; limit?: number }): Promise<LogRow[]>;
	clear(): Promise<void>;
	stats(): Promise<{ entries: number; bytes: number }>;
}

export const DEFAULT_RING = { maxEntries: 5000, maxBytes: 4 * 1024 * 1024 };
const LEVEL_RANK = { debug: 0, info: 1, warn: 2, error: 3 } as const;

/**
 * The local log: a ring buffer in IndexedDB bounded by entries and bytes; the oldest go first.
 * Writes are batched per tick, so logging costs the caller one array push.
 *
 * @example
 * const ring = createLogRing({ db: getLogDb() });
 * ring.add(entry); await ring.flush();
 */
export function createLogRing({ db, maxEntries = DEFAULT_RING.maxEntries, maxBytes = DEFAULT_RING.maxBytes }: LogRingOptions): LogRing {
	let pending: LogRow[] = [];
	let writing: Promise<void> = Promise.resolve();
	let scheduled = false;
	let totals: Promise<{ entries: number; bytes: number }> | null = null;

	const loadTotals = async () => {
		let bytes = 0;
		await db.entries.each((row) => void (bytes += row.bytes));
		return { entries: await db.entries.count(), bytes };
	};

	const trim = async (t: { entries: number; bytes: number }) => {
		if (t.entries <= maxEntries && t.bytes <= maxBytes) return;
		const drop: number[] = [];
		await db.entries
			.orderBy('id')
			.until(() => t.entries <= maxEntries && t.bytes <= maxBytes)
			.each((row) => {
				drop.push(row.id!);
				t.entries--;
				t.bytes -= row.bytes;
			});
		await db.entries.bulkDelete(drop);
	};

	const write = async () => {
		scheduled = false;
		const rows = pending;
		pending = [];
		if (!rows.length) return;
		const t = await (totals ??= loadTotals());
		await db.transaction('rw', db.entries, async () => {
			await db.entries.bulkAdd(rows);
			t.entries += rows.length;
			t.bytes += rows.reduce((s, r) => s + r.bytes, 0);
			await trim(t);
		});
	};

	const schedule = () => {
		if (scheduled) return;
		scheduled = true;
		writing = writing.then(write, write);
	};

	return {
		add(entry) {
			pending.push({ ...entry, bytes: JSON.stringify(entry).length });
			schedule();
		},
		async flush() {
			schedule();
			await writing;
		},
		async list({ level = 0, projectId, limit = 1000 } = {}) {
			await this.flush();
			const newest = db.entries.orderBy('id').reverse();
			return newest
				.filter((r) => LEVEL_RANK[r.level] >= level && (!projectId || r.projectId === projectId))
				.limit(limit)
				.toArray();
		},
		async clear() {
			await this.flush();
			await db.entries.clear();
			totals = null;
		},
		async stats() {
			await this.flush();
			return { ...(await (totals ??= loadTotals())) };
		}
	};
}
