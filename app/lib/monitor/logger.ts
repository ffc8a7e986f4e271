import { errorFingerprint } from '../text/error-fingerprint';
import { redactContext, redactText } from '../text/log-redact';
import type { LocalLogEntry, LogLevel, LogSink } from './types';

export interface LoggerOptions {
	sink: LogSink;
	trace: string;
	source: string;
	/** entries below this level are dropped */
	minLevel?: LogLevel;
	now?: () => number;
	/** fields added to every entry's context */
	context?: Record<string, unknown>;
	projectId?: string;
}

export interface Logger {
	debug(message: string, context?: Record<string, unknown>): void;
	info(message: string, context?: Record<string, unknown>): void;
	warn(message: string, context?: Record<string, unknown>): void;
	/** Logs an error with its stack and fingerprint; `error` may be anything thrown. */
	error(message: string, error?: unknown, context?: Record<string, unknown>): void;
	/** Logs how long `fn` took (`durationMs`) and the heap it grew by where the browser tells (`memoryBytes`). */
	time<T>(message: string, fn: () => Promise<T>, context?: Record<string, unknown>): Promise<T>;
	/** A logger whose entries carry this context too. */
	child(context: Record<string, unknown>, projectId?: string): Logger;
}

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

const heapBytes = (): number | undefined =>
	(globalThis as { performance?: { memory?: { usedJSHeapSize?: number } } }).performance?.memory?.usedJSHeapSize;

/** An Error-like value of whatever was thrown. */
function asError(thrown: unknown): { name: string; message: string; stack?: string } {
	if (thrown instanceof Error) return { name: thrown.name, message: thrown.message, stack: thrown.stack };
	if (thrown && typeof thrown === 'object' && 'message' in thrown) return { name: 'Error', message: String(thrown.message) };
	return { name: 'Error', message: String(thrown) };
}

/**
 * A structured logger: levels, context, errors with stack and fingerprint, timings. Everything is
 * redacted here, before any sink sees it, so neither the local buffer nor the relay gets secrets.
 *
 * @example
 * const log = createLogger({ sink: (e) => ring.add(e), trace: newTraceId(), source: 'page' });
 * await log.time('check run', () => engine.runChecks(opts), { checks: 27 });
 */
export function createLogger(options: LoggerOptions): Logger {
	const { sink, trace, source, minLevel = 'debug', now = Date.now, context: base, projectId } = options;

	const emit = (level: LogLevel, message: string, context?: Record<string, unknown>, thrown?: unknown, hasError = false) => {
		if (RANK[level] < RANK[minLevel]) return;
		const merged = base || context ? { ...base, ...context } : undefined;
		const entry: LocalLogEntry = { time: new Date(now()).toISOString(), level, message: redactText(message), trace, source };
		if (merged && Object.keys(merged).length) entry.context = redactContext(merged) as Record<string, unknown>;
		if (hasError) {
			const raw = asError(thrown);
			const stack = raw.stack && redactText(raw.stack);
			const e = { name: raw.name, message: redactText(raw.message), ...(stack ? { stack } : {}) };
			// fingerprinted after redaction so the relay, which sees only the redacted error, computes the same one
			entry.error = { ...e, fingerprint: errorFingerprint(e) };
		}
		if (projectId) entry.projectId = projectId;
		sink(entry);
	};

	return {
		debug: (m, c) => emit('debug', m, c),
		info: (m, c) => emit('info', m, c),
		warn: (m, c) => emit('warn', m, c),
		error: (m, e, c) => emit('error', m, c, e, e !== undefined),
		async time(message, fn, context) {
			const start = performance.now();
			const heap = heapBytes();
			try {
				const result = await fn();
				const after = heapBytes();
				const memoryBytes = heap !== undefined && after !== undefined ? after - heap : undefined;
				emit('info', message, {
					...context,
					durationMs: Math.round(performance.now() - start),
					...(memoryBytes !== undefined ? { memoryBytes } : {})
				});
				return result;
			} catch (error) {
				emit('error', `${message} failed`, { ...context, durationMs: Math.round(performance.now() - start) }, error, true);
				throw error;
			}
		},
		child: (context, childProject) => createLogger({ ...options, context: { ...base, ...context }, projectId: childProject ?? projectId })
	};
}
