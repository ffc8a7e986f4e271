import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { errorFingerprint } from '../../app/lib/text/error-fingerprint';
import { redactContext, redactText } from '../../app/lib/text/log-redact';
import { adminAuth } from '../middleware/admin-auth';
import { rateLimit } from '../middleware/rate-limit';
import { LOGS_MAX_BYTES, LOGS_MAX_ENTRIES, type LogEntry, type LogsPage } from '../protocol/logs';
import type { TokenSigner } from '../rooms/tokens';
import { createAdminPage } from './admin-page';
import type { LogsConfig } from './config';
import { EXPORT_FORMATS, formatEntries, type ExportFormat } from './export';
import type { LogFilter, LogStore, MetricPeriod } from './store';
import { traceIdOf } from './traceparent';
import { isLevel, parseIsoTime, validateEntry } from './validate';

export interface LogRoutesOptions {
	store: LogStore;
	tokens: TokenSigner;
	adminToken: string;
	config: LogsConfig;
	now: () => number;
	/** error entries arrived: alert rules are evaluated */
	onErrors?: () => void;
}

const PAGE = 100;
const MAX_PAGE = 1000;
const MAX_EXPORT = 100_000;
const PERIODS: MetricPeriod[] = ['minute', 'hour', 'day'];
const TRACE_ID = /^[0-9a-f]{32}$/;

const encodeCursor = (id: number) => Buffer.from(String(id)).toString('base64url');
const decodeCursor = (cursor: string) => {
	const id = Number(Buffer.from(cursor, 'base64url').toString());
	return Number.isInteger(id) && id > 0 ? id : null;
};

/** The query's filters, or a one-line reason they are wrong. */
function readFilter(c: Context, maxLimit: number): (Omit<LogFilter, 'limit'> & { limit: number }) | string {
	const q = c.req.query();
	const filter: LogFilter = { limit: PAGE };
	if (q.level) {
		if (!isLevel(q.level)) return `level must be one of debug, info, warn, error`;
		filter.level = q.level;
	}
	for (const key of ['since', 'until'] as const) {
		if (!q[key]) continue;
		const t = parseIsoTime(q[key]);
		if (t === null) return `${key} must be an ISO-8601 date-time`;
		filter[key] = t;
	}
	if (q.trace) {
		if (!TRACE_ID.test(q.trace)) return 'trace must be a 32-hex trace id';
		filter.trace = q.trace;
	}
	if (q.q) filter.q = q.q;
	if (q.limit) {
		const n = Number(q.limit);
		if (!Number.isInteger(n) || n < 1 || n > maxLimit) return `limit must be an integer from 1 to ${maxLimit}`;
		filter.limit = n;
	}
	if (q.cursor) {
		const before = decodeCursor(q.cursor);
		if (before === null) return 'cursor is not one this relay gave';
		filter.before = before;
	}
	return filter;
}

/** Redacted again on the relay, whatever the client did, and grouped by the relay's own fingerprint. */
function sanitise(e: LogEntry): LogEntry & { fingerprint?: string } {
	const out: LogEntry & { fingerprint?: string } = { time: e.time, level: e.level, message: redactText(e.message) };
	if (e.context) out.context = redactContext(e.context) as Record<string, unknown>;
	if (e.count) out.count = e.count;
	if (e.error) {
		const error = {
			name: redactText(e.error.name),
			message: redactText(e.error.message),
			...(e.error.stack ? { stack: redactText(e.error.stack) } : {})
		};
		out.fingerprint = errorFingerprint(error);
		out.error = { ...error, fingerprint: out.fingerprint };
	}
	return out;
}

/**
 * `POST /logs` (any room token) and the admin's `GET /logs`, `/logs/export`, `/logs/errors`,
 * `POST /logs/errors/:fingerprint/resolve`, `/logs/requests` and `/logs/metrics` (SPEC §6).
 */
export function createLogRoutes({ store, tokens, adminToken, config, now, onErrors }: LogRoutesOptions) {
	const logs = new Hono();
	const admin = adminAuth(adminToken);
	const tooLarge = (c: Context) =>
		c.json({ error: `a log batch may have at most ${LOGS_MAX_ENTRIES} entries and ${LOGS_MAX_BYTES} bytes` }, 413);

	const perToken = rateLimit({ limit: config.postsPerMinute, windowMs: 60_000, key: (c) => c.req.header('authorization') ?? '', now });

	logs.post('/', perToken, bodyLimit({ maxSize: LOGS_MAX_BYTES, onError: tooLarge }), async (c) => {
		const bearer = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
		const verified = bearer ? tokens.verify(bearer) : null;
		if (!verified?.ok) {
			c.header('WWW-Authenticate', 'Bearer');
			return c.json({ error: bearer ? 'invalid room token' : 'a room token is needed' }, 401);
		}
		const trace = traceIdOf(c.req.header('traceparent'));
		if (!trace) return c.json({ error: 'traceparent header missing or not W3C trace context' }, 400);
		const body: unknown = await c.req.json().catch(() => undefined);
		if (!Array.isArray(body)) return c.json({ error: 'the body must be a JSON array of log entries' }, 400);
		if (body.length > LOGS_MAX_ENTRIES) return tooLarge(c);
		const entries: LogEntry[] = [];
		for (const [i, raw] of body.entries()) {
			const entry = validateEntry(raw);
			if (typeof entry === 'string') return c.json({ error: `entry ${i}: ${entry}` }, 400);
			entries.push(entry);
		}
		const clean = entries.map(sanitise);
		store.insert(clean, { trace, room: verified.claims.room, received: now() });
		if (clean.some((e) => e.level === 'error')) onErrors?.();
		return c.json({ accepted: clean.length }, 202);
	});

	logs.route('/admin', createAdminPage());

	logs.get('/', admin, (c) => {
		const filter = readFilter(c, MAX_PAGE);
		if (typeof filter === 'string') return c.json({ error: filter }, 400);
		const rows = store.query({ ...filter, limit: filter.limit + 1 });
		const entries = rows.slice(0, filter.limit);
		const cursor = rows.length > filter.limit ? encodeCursor(entries.at(-1)!.id) : null;
		return c.json<LogsPage>({ entries, cursor });
	});

	logs.get('/export', admin, (c) => {
		const format = (c.req.query('format') ?? 'json') as ExportFormat;
		if (!EXPORT_FORMATS.includes(format)) return c.json({ error: `format must be one of ${EXPORT_FORMATS.join(', ')}` }, 400);
		const filter = readFilter(c, MAX_EXPORT);
		if (typeof filter === 'string') return c.json({ error: filter }, 400);
		const entries = store.query({ ...filter, limit: c.req.query('limit') ? filter.limit : MAX_EXPORT }).reverse();
		const type = { json: 'application/json', csv: 'text/csv; charset=utf-8', txt: 'text/plain; charset=utf-8' }[format];
		c.header('Content-Disposition', `attachment; filename="sieve-relay-logs.${format}"`);
		return c.body(formatEntries(entries, format), 200, { 'Content-Type': type });
	});

	logs.get('/errors', admin, (c) => c.json(store.errorGroups()));

	logs.post('/errors/:fingerprint/resolve', admin, (c) =>
		store.resolve(c.req.param('fingerprint')) ? c.json({ resolved: true }) : c.json({ error: 'no error group has this fingerprint' }, 404)
	);

	logs.get('/requests', admin, (c) => {
		const filter = readFilter(c, MAX_PAGE);
		if (typeof filter === 'string') return c.json({ error: filter }, 400);
		const slowMs = c.req.query('slow') === '1' ? config.slowMs : undefined;
		return c.json(store.requests({ since: filter.since, until: filter.until, trace: filter.trace, slowMs, limit: filter.limit }));
	});

	logs.get('/metrics', admin, (c) => {
		const period = (c.req.query('period') ?? 'minute') as MetricPeriod;
		if (!PERIODS.includes(period)) return c.json({ error: `period must be one of ${PERIODS.join(', ')}` }, 400);
		const filter = readFilter(c, MAX_PAGE);
		if (typeof filter === 'string') return c.json({ error: filter }, 400);
		const until = filter.until ?? now();
		return c.json(store.requestMetrics(period, filter.since ?? until - 24 * 3_600_000, until, config.slowMs));
	});

	return logs;
}
