/** Log levels, least severe first; a level filter means "this one or more severe". */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Largest `POST /logs` body: entries and bytes (larger: 413). */
export const LOGS_MAX_ENTRIES = 100;
export const LOGS_MAX_BYTES = 61_440;

/** W3C trace context: `version-traceid-parentid-flags`, lower-case hex. */
export const TRACEPARENT_RE = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** An error attached to a log entry. */
export interface LogError {
	name: string;
	message: string;
	stack?: string;
	/** groups identical errors: same name, message shape and top frames */
	fingerprint?: string;
}

/** One entry of `POST /logs` (SPEC §6). */
export interface LogEntry {
	/** ISO-8601 */
	time: string;
	level: LogLevel;
	message: string;
	context?: Record<string, unknown>;
	error?: LogError;
	/** identical errors folded into this entry by the client (absent: 1) */
	count?: number;
}

/** An entry as the relay stored it. */
export interface StoredLogEntry extends LogEntry {
	id: number;
	/** 32-hex trace id of the request that brought it */
	trace: string;
	room: string;
	count: number;
}

/** `GET /logs` */
export interface LogsPage {
	entries: StoredLogEntry[];
	/** pass back as `cursor` for the next (older) page; null at the end */
	cursor: string | null;
}

/** One row of `GET /logs/errors`. */
export interface ErrorGroup {
	fingerprint: string;
	message: string;
	count: number;
	firstSeen: string;
	lastSeen: string;
	resolved: boolean;
}

/** One bucket of `GET /logs/metrics`: the relay's own requests. */
export interface RequestMetric {
	/** ISO-8601 start of the minute, hour or day */
	bucket: string;
	requests: number;
	/** over 1 s */
	slow: number;
	/** status 5xx */
	failed: number;
	avgMs: number;
	maxMs: number;
}

export const ALERT_OPS = ['>', '>=', '<', '<='] as const;
export type AlertOp = (typeof ALERT_OPS)[number];

/** `POST /alerts` body. `metric`: `errors`, `requests.slow`, `hooks.failed` or `logs.<level>`. */
export interface AlertRuleInput {
	name: string;
	metric: string;
	op: AlertOp;
	threshold: number;
	windowS: number;
	throttleS: number;
	/** an admin hook id */
	hook: string;
}

export interface AlertRule extends AlertRuleInput {
	id: string;
	createdAt: string;
}

/** One row of `GET /alerts/history`. */
export interface AlertFiring {
	id: number;
	rule: string;
	name: string;
	metric: string;
	value: number;
	threshold: number;
	op: AlertOp;
	at: string;
}
