import type Database from 'better-sqlite3';
import { LOG_LEVELS, type ErrorGroup, type LogEntry, type LogLevel, type RequestMetric, type StoredLogEntry } from '../protocol/logs';

export interface LogFilter {
	/** minimum level */
	level?: LogLevel;
	/** ms epoch, inclusive */
	since?: number;
	/** ms epoch, inclusive */
	until?: number;
	trace?: string;
	/** substring of the message (case-insensitive) */
	q?: string;
	/** entries with a smaller id than this (the cursor) */
	before?: number;
	limit: number;
}

export interface RequestLine {
	time: number;
	method: string;
	route: string;
	status: number;
	durationMs: number;
	trace: string;
}

export type MetricPeriod = 'minute' | 'hour' | 'day';

export interface LogStore {
	/** Stores entries already redacted, each with the fingerprint it is grouped by (errors only). */
	insert(entries: (LogEntry & { fingerprint?: string })[], meta: { trace: string; room: string; received: number }): void;
	query(filter: LogFilter): StoredLogEntry[];
	errorGroups(): ErrorGroup[];
	/** false when no group has this fingerprint */
	resolve(fingerprint: string): boolean;
	recordRequest(line: RequestLine): void;
	/** The request log, newest first. */
	requests(filter: { since?: number; until?: number; trace?: string; slowMs?: number; limit: number }): RequestLine[];
	requestMetrics(period: MetricPeriod, since: number, until: number, slowMs: number): RequestMetric[];
	/** Counts one occurrence of a named event (`hooks.failed`). */
	count(name: string, at: number): void;
	/** Sum of entries at `level` or above (counting folded repeats) with time in [since, until]. */
	entriesAtLeast(level: LogLevel, since: number, until: number): number;
	slowRequests(since: number, until: number, slowMs: number): number;
	counted(name: string, since: number, until: number): number;
	/** Deletes what is older than the cutoffs, handing expired entries to `archive` first, in one transaction. */
	expire(
		cutoffs: { entries: number; errors: number; requests: number },
		archive?: (rows: StoredLogEntry[]) => void
	): { entries: number; requests: number; groups: number };
}

const rank = (level: LogLevel) => LOG_LEVELS.indexOf(level);
const BUCKET: Record<MetricPeriod, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

interface EntryRow {
	id: number;
	time: number;
	level: number;
	message: string;
	context: string | null;
	error: string | null;
	count: number;
	trace: string;
	room: string;
}

const toEntry = (r: EntryRow): StoredLogEntry => ({
	id: r.id,
	time: new Date(r.time).toISOString(),
	level: LOG_LEVELS[r.level]!,
	message: r.message,
	...(r.context ? { context: JSON.parse(r.context) as Record<string, unknown> } : {}),
	...(r.error ? { error: JSON.parse(r.error) as StoredLogEntry['error'] } : {}),
	count: r.count,
	trace: r.trace,
	room: r.room
});

/**
 * Client logs, error groups, the relay's request log and event counts in the relay's SQLite file
 * (tables prefixed `logs_`).
 *
 * @example
 * const logs = createLogStore(new Database('data/relay.sqlite'));
 */
export function createLogStore(db: Database.Database): LogStore {
	db.exec(`
		CREATE TABLE IF NOT EXISTS logs_entries (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			time INTEGER NOT NULL,
			level INTEGER NOT NULL,
			message TEXT NOT NULL,
			context TEXT,
			error TEXT,
			fingerprint TEXT,
			count INTEGER NOT NULL DEFAULT 1,
			trace TEXT NOT NULL,
			room TEXT NOT NULL,
			received INTEGER NOT NULL
		);
		CREATE INDEX IF NOT EXISTS logs_entries_time ON logs_entries (time);
		CREATE INDEX IF NOT EXISTS logs_entries_trace ON logs_entries (trace);
		CREATE TABLE IF NOT EXISTS logs_error_groups (
			fingerprint TEXT PRIMARY KEY,
			message TEXT NOT NULL,
			count INTEGER NOT NULL,
			first_seen INTEGER NOT NULL,
			last_seen INTEGER NOT NULL,
			resolved INTEGER NOT NULL DEFAULT 0
		);
		CREATE TABLE IF NOT EXISTS logs_requests (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			time INTEGER NOT NULL,
			method TEXT NOT NULL,
			route TEXT NOT NULL,
			status INTEGER NOT NULL,
			duration_ms REAL NOT NULL,
			trace TEXT NOT NULL
		);
		CREATE INDEX IF NOT EXISTS logs_requests_time ON logs_requests (time);
		CREATE TABLE IF NOT EXISTS logs_counts (
			name TEXT NOT NULL,
			time INTEGER NOT NULL
		);
		CREATE INDEX IF NOT EXISTS logs_counts_name_time ON logs_counts (name, time);
	`);

	const insertEntry = db.prepare(
		`INSERT INTO logs_entries (time, level, message, context, error, fingerprint, count, trace, room, received)
		 VALUES (@time, @level, @message, @context, @error, @fingerprint, @count, @trace, @room, @received)`
	);
	// a new occurrence of a resolved error reopens its group
	const upsertGroup = db.prepare(
		`INSERT INTO logs_error_groups (fingerprint, message, count, first_seen, last_seen) VALUES (@fingerprint, @message, @count, @time, @time)
		 ON CONFLICT (fingerprint) DO UPDATE SET count = count + excluded.count, first_seen = min(first_seen, excluded.first_seen),
		 last_seen = max(last_seen, excluded.last_seen), resolved = 0`
	);
	const insertMany = db.transaction((entries: Parameters<LogStore['insert']>[0], meta: Parameters<LogStore['insert']>[1]) => {
		for (const e of entries) {
			const row = {
				time: Date.parse(e.time),
				level: rank(e.level),
				message: e.message,
				context: e.context ? JSON.stringify(e.context) : null,
				error: e.error ? JSON.stringify(e.error) : null,
				fingerprint: e.fingerprint ?? null,
				count: e.count ?? 1,
				...meta
			};
			insertEntry.run(row);
			if (e.fingerprint)
				upsertGroup.run({ fingerprint: e.fingerprint, message: e.error?.message ?? e.message, count: row.count, time: row.time });
		}
	});
	const groups = db.prepare<
		[],
		{ fingerprint: string; message: string; count: number; first_seen: number; last_seen: number; resolved: number }
	>('SELECT * FROM logs_error_groups ORDER BY resolved, last_seen DESC');
	const resolveGroup = db.prepare<[string]>('UPDATE logs_error_groups SET resolved = 1 WHERE fingerprint = ?');
	const insertRequest = db.prepare(
		'INSERT INTO logs_requests (time, method, route, status, duration_ms, trace) VALUES (@time, @method, @route, @status, @durationMs, @trace)'
	);
	const selectRequests = db.prepare<[{ since: number; until: number; trace: string | null; slowMs: number; limit: number }], RequestLine>(
		`SELECT time, method, route, status, duration_ms AS durationMs, trace FROM logs_requests
		 WHERE time BETWEEN @since AND @until AND (@trace IS NULL OR trace = @trace) AND duration_ms > @slowMs ORDER BY id DESC LIMIT @limit`
	);
	const metrics = db.prepare<[{ size: number; since: number; until: number; slowMs: number }], RequestMetric & { start: number }>(
		`SELECT (time / CAST(@size AS INTEGER)) * CAST(@size AS INTEGER) AS start, count(*) AS requests, sum(duration_ms > @slowMs) AS slow, sum(status >= 500) AS failed,
		 round(avg(duration_ms), 1) AS avgMs, round(max(duration_ms), 1) AS maxMs
		 FROM logs_requests WHERE time BETWEEN @since AND @until GROUP BY start ORDER BY start`
	);
	const insertCount = db.prepare<[string, number]>('INSERT INTO logs_counts (name, time) VALUES (?, ?)');
	const atLeast = db.prepare<[number, number, number], { n: number | null }>(
		'SELECT sum(count) AS n FROM logs_entries WHERE level >= ? AND time BETWEEN ? AND ?'
	);
	const slow = db.prepare<[number, number, number], { n: number }>(
		'SELECT count(*) AS n FROM logs_requests WHERE duration_ms > ? AND time BETWEEN ? AND ?'
	);
	const counted = db.prepare<[string, number, number], { n: number }>(
		'SELECT count(*) AS n FROM logs_counts WHERE name = ? AND time BETWEEN ? AND ?'
	);
	const expiredEntries = db.prepare<[number, number, number], EntryRow>(
		'SELECT * FROM logs_entries WHERE (level < ? AND time < ?) OR time < ? ORDER BY id'
	);
	const deleteEntries = db.prepare<[number, number, number]>('DELETE FROM logs_entries WHERE (level < ? AND time < ?) OR time < ?');
	const deleteRequests = db.prepare<[number]>('DELETE FROM logs_requests WHERE time < ?');
	const deleteCounts = db.prepare<[number]>('DELETE FROM logs_counts WHERE time < ?');
	const deleteGroups = db.prepare<[number]>('DELETE FROM logs_error_groups WHERE last_seen < ?');
	const ERROR = rank('error');

	return {
		insert: (entries, meta) => insertMany(entries, meta),
		query({ level, since, until, trace, q, before, limit }) {
			const where: string[] = [];
			const params: (string | number)[] = [];
			const add = (sql: string, value: string | number | undefined) => {
				if (value === undefined) return;
				where.push(sql);
				params.push(value);
			};
			add('level >= ?', level && rank(level));
			add('time >= ?', since);
			add('time <= ?', until);
			add('trace = ?', trace);
			add(`instr(lower(message), lower(?)) > 0`, q);
			add('id < ?', before);
			const sql = `SELECT id, time, level, message, context, error, count, trace, room FROM logs_entries
				${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`;
			return db
				.prepare<(string | number)[], EntryRow>(sql)
				.all(...params, limit)
				.map(toEntry);
		},
		errorGroups: () =>
			groups.all().map((g) => ({
				fingerprint: g.fingerprint,
				message: g.message,
				count: g.count,
				firstSeen: new Date(g.first_seen).toISOString(),
				lastSeen: new Date(g.last_seen).toISOString(),
				resolved: g.resolved === 1
			})),
		resolve: (fingerprint) => resolveGroup.run(fingerprint).changes > 0,
		recordRequest: (line) => void insertRequest.run(line),
		requests: ({ since = 0, until = Number.MAX_SAFE_INTEGER, trace, slowMs = -1, limit }) =>
			selectRequests.all({ since, until, trace: trace ?? null, slowMs, limit }),
		requestMetrics: (period, since, until, slowMs) =>
			metrics
				.all({ size: BUCKET[period], since, until, slowMs })
				.map(({ start, ...m }) => ({ ...m, bucket: new Date(start).toISOString() })),
		count: (name, at) => void insertCount.run(name, at),
		entriesAtLeast: (level, since, until) => atLeast.get(rank(level), since, until)?.n ?? 0,
		slowRequests: (since, until, slowMs) => slow.get(slowMs, since, until)!.n,
		counted: (name, since, until) => counted.get(name, since, until)!.n,
		expire: db.transaction((cutoffs: { entries: number; errors: number; requests: number }, archive?: (rows: StoredLogEntry[]) => void) => {
			if (archive) archive(expiredEntries.all(ERROR, cutoffs.entries, cutoffs.errors).map(toEntry));
			const entries = deleteEntries.run(ERROR, cutoffs.entries, cutoffs.errors).changes;
			const requests = deleteRequests.run(cutoffs.requests).changes;
			deleteCounts.run(cutoffs.requests);
			const groups = deleteGroups.run(cutoffs.errors).changes;
			return { entries, requests, groups };
		})
	};
}
