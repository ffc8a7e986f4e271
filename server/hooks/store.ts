import Database from 'better-sqlite3';
import type { DeliveryLogEntry, DeliveryState, HookEventType, HookFormat } from '../protocol/hooks';

/** A subscription as stored; `room: null` is an admin hook. */
export interface StoredHook {
	id: string;
	room: string | null;
	url: string;
	format: HookFormat;
	events: HookEventType[];
	secret: string;
	enabled: boolean;
}

/** A message waiting for (another) attempt. `body` is the generic JSON body, rendered per format at send time. */
export interface QueuedMessage {
	id: string;
	hook: string;
	event: string;
	body: string;
	/** attempts made so far */
	attempts: number;
	/** attempts made before the latest redelivery; the retry schedule counts from here */
	base: number;
}

/** One attempt's outcome; `nextAt` null ends the message. */
export interface AttemptRecord extends Omit<DeliveryLogEntry, 'at'> {
	hook: string;
	at: number;
	nextAt: number | null;
}

/** The hooks' tables in the relay's SQLite file: subscriptions, the durable queue, and the delivery log. */
export interface HookStore {
	addHook(hook: StoredHook): void;
	getHook(id: string): StoredHook | null;
	/** hooks of `room`, or admin hooks for null, oldest first */
	listHooks(room: string | null): StoredHook[];
	/** removes the hook, its queued messages and its log */
	deleteHook(id: string): void;
	disableHook(id: string): void;
	enqueue(message: { id: string; hook: string; event: string; body: string }, at: number): void;
	/** Messages due at `now`, leased until `now + leaseMs` so a crash mid-attempt retries them after. */
	claimDue(now: number, limit: number, leaseMs: number): QueuedMessage[];
	/** Logs an attempt and reschedules (or ends) its message, atomically. */
	recordAttempt(record: AttemptRecord): void;
	/** Puts a logged message of `hook` back in the queue; false when there is no such message. */
	redeliver(hook: string, message: string, at: number): boolean;
	/** Attempts of `hook`, newest first. */
	deliveries(hook: string, limit: number): DeliveryLogEntry[];
	/** Earliest time a queued message is due, or null when the queue is empty. */
	nextDue(): number | null;
	close(): void;
}

interface HookRow {
	id: string;
	room: string | null;
	url: string;
	format: HookFormat;
	events: string;
	secret: string;
	enabled: number;
}

interface AttemptRow {
	message: string;
	attempt: number;
	event: string;
	status: number | null;
	state: DeliveryState;
	at: number;
	error: string | null;
}

/** Attempts kept per hook in the delivery log. */
export const LOG_KEEP = 500;

const toHook = (row: HookRow): StoredHook => ({ ...row, events: JSON.parse(row.events) as HookEventType[], enabled: row.enabled === 1 });

/**
 * {@link HookStore} on the relay's SQLite file (its own `hooks_*` tables beside the rooms').
 *
 * @example
 * const store = createSqliteHookStore({ file: 'data/relay.sqlite' });
 */
export function createSqliteHookStore({ file }: { file: string }): HookStore {
	const db = new Database(file);
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = NORMAL');
	db.pragma('foreign_keys = ON');
	db.exec(`
		CREATE TABLE IF NOT EXISTS hooks_subscriptions (
			id TEXT PRIMARY KEY,
			room TEXT,
			url TEXT NOT NULL,
			format TEXT NOT NULL,
			events TEXT NOT NULL,
			secret TEXT NOT NULL,
			enabled INTEGER NOT NULL DEFAULT 1
		);
		CREATE INDEX IF NOT EXISTS hooks_subscriptions_room ON hooks_subscriptions (room);
		CREATE TABLE IF NOT EXISTS hooks_queue (
			id TEXT PRIMARY KEY,
			hook TEXT NOT NULL REFERENCES hooks_subscriptions (id) ON DELETE CASCADE,
			event TEXT NOT NULL,
			body TEXT NOT NULL,
			attempts INTEGER NOT NULL DEFAULT 0,
			base INTEGER NOT NULL DEFAULT 0,
			next_at INTEGER
		);
		CREATE INDEX IF NOT EXISTS hooks_queue_due ON hooks_queue (next_at) WHERE next_at IS NOT NULL;
		CREATE TABLE IF NOT EXISTS hooks_attempts (
			seq INTEGER PRIMARY KEY AUTOINCREMENT,
			hook TEXT NOT NULL REFERENCES hooks_subscriptions (id) ON DELETE CASCADE,
			message TEXT NOT NULL,
			attempt INTEGER NOT NULL,
			event TEXT NOT NULL,
			status INTEGER,
			state TEXT NOT NULL,
			at INTEGER NOT NULL,
			error TEXT
		);
		CREATE INDEX IF NOT EXISTS hooks_attempts_hook ON hooks_attempts (hook, seq);
		CREATE INDEX IF NOT EXISTS hooks_attempts_message ON hooks_attempts (message);
	`);

	const insertHook = db.prepare(
		'INSERT INTO hooks_subscriptions (id, room, url, format, events, secret, enabled) VALUES (@id, @room, @url, @format, @events, @secret, @enabled)'
	);
	const selectHook = db.prepare<[string], HookRow>('SELECT * FROM hooks_subscriptions WHERE id = ?');
	const selectRoomHooks = db.prepare<[string], HookRow>('SELECT * FROM hooks_subscriptions WHERE room = ? ORDER BY rowid');
	const selectAdminHooks = db.prepare<[], HookRow>('SELECT * FROM hooks_subscriptions WHERE room IS NULL ORDER BY rowid');
	const removeHook = db.prepare<[string]>('DELETE FROM hooks_subscriptions WHERE id = ?');
	const disable = db.prepare<[string]>('UPDATE hooks_subscriptions SET enabled = 0 WHERE id = ?');
	const insertMessage = db.prepare('INSERT INTO hooks_queue (id, hook, event, body, next_at) VALUES (@id, @hook, @event, @body, @at)');
	const selectDue = db.prepare<[number, number], QueuedMessage>(
		'SELECT id, hook, event, body, attempts, base FROM hooks_queue WHERE next_at IS NOT NULL AND next_at <= ? ORDER BY next_at LIMIT ?'
	);
	const lease = db.prepare<[number, string]>('UPDATE hooks_queue SET next_at = ? WHERE id = ?');
	const insertAttempt = db.prepare(
		'INSERT INTO hooks_attempts (hook, message, attempt, event, status, state, at, error) VALUES (@hook, @id, @attempt, @event, @status, @state, @at, @error)'
	);
	const pruneLog = db.prepare<[string, string, number]>(
		'DELETE FROM hooks_attempts WHERE hook = ? AND seq < (SELECT seq FROM hooks_attempts WHERE hook = ? ORDER BY seq DESC LIMIT 1 OFFSET ?)'
	);
	// finished messages are kept only while the log still shows them (for redelivery)
	const pruneQueue = db.prepare<[string]>(
		'DELETE FROM hooks_queue WHERE hook = ? AND next_at IS NULL AND NOT EXISTS (SELECT 1 FROM hooks_attempts a WHERE a.message = hooks_queue.id)'
	);
	const advance = db.prepare<[number, number | null, string]>('UPDATE hooks_queue SET attempts = ?, next_at = ? WHERE id = ?');
	const requeue = db.prepare<[number, string, string]>('UPDATE hooks_queue SET next_at = ?, base = attempts WHERE id = ? AND hook = ?');
	const selectLog = db.prepare<[string, number], AttemptRow>(
		'SELECT message, attempt, event, status, state, at, error FROM hooks_attempts WHERE hook = ? ORDER BY seq DESC LIMIT ?'
	);
	const selectNextDue = db.prepare<[], { at: number | null }>('SELECT min(next_at) AS at FROM hooks_queue');

	const claim = db.transaction((now: number, limit: number, leaseMs: number) => {
		const due = selectDue.all(now, limit);
		for (const message of due) lease.run(now + leaseMs, message.id);
		return due;
	});
	const record = db.transaction((r: AttemptRecord) => {
		insertAttempt.run({ ...r, error: r.error ?? null });
		const dropped = pruneLog.run(r.hook, r.hook, LOG_KEEP - 1).changes;
		advance.run(r.attempt, r.nextAt, r.id);
		if (dropped > 0) pruneQueue.run(r.hook);
	});

	return {
		addHook(hook) {
			insertHook.run({ ...hook, events: JSON.stringify(hook.events), enabled: hook.enabled ? 1 : 0 });
		},
		getHook(id) {
			const row = selectHook.get(id);
			return row ? toHook(row) : null;
		},
		listHooks(room) {
			return (room === null ? selectAdminHooks.all() : selectRoomHooks.all(room)).map(toHook);
		},
		deleteHook(id) {
			removeHook.run(id);
		},
		disableHook(id) {
			disable.run(id);
		},
		enqueue(message, at) {
			insertMessage.run({ ...message, at });
		},
		claimDue(now, limit, leaseMs) {
			return claim(now, limit, leaseMs);
		},
		recordAttempt(r) {
			record(r);
		},
		redeliver(hook, message, at) {
			return requeue.run(at, message, hook).changes > 0;
		},
		deliveries(hook, limit) {
			return selectLog.all(hook, limit).map(({ message, error, at, ...rest }) => ({
				id: message,
				...rest,
				at: new Date(at).toISOString(),
				...(error === null ? {} : { error })
			}));
		},
		nextDue() {
			return selectNextDue.get()?.at ?? null;
		},
		close() {
			if (db.open) db.close();
		}
	};
}
