import { randomUUID } from 'node:crypto';
import { errorMessage } from './errors';
import type { Connector, PullRequest, SyncEntry } from './types';

/** Counts a pull keeps while it runs; the sync log entry is made from them. */
export interface PullStats {
	fetched: number;
	pages: number;
	lastSubmission: string | null;
	/** columns found after the header was written: their answers are not in the CSV */
	dropped: Set<string>;
}

export interface SyncRun {
	id: string;
	stats: PullStats;
	/** The log entry for this run, ended now; `error` makes it a failed one. */
	finish(retries: number, error?: unknown): SyncEntry;
}

/** Starts timing one test or pull and names it with a fresh correlation id. */
export function startSync(
	connector: Connector,
	action: SyncEntry['action'],
	req: PullRequest,
	opts: { room: string | null; now: () => number; id?: string }
): SyncRun {
	const id = opts.id ?? randomUUID();
	const started = opts.now();
	const stats: PullStats = { fetched: 0, pages: 0, lastSubmission: null, dropped: new Set() };
	return {
		id,
		stats,
		finish(retries, error) {
			const failed = error !== undefined;
			const dropped = [...stats.dropped];
			return {
				id,
				room: opts.room,
				kind: connector.kind,
				action,
				form: req.form,
				since: req.since ?? null,
				at: new Date(started).toISOString(),
				durationMs: opts.now() - started,
				fetched: stats.fetched,
				pages: stats.pages,
				retries,
				state: failed ? 'failed' : 'ok',
				errorClass: failed ? connector.classify(error) : null,
				error: failed ? errorMessage(error) : null,
				warning: dropped.length
					? `answers in ${dropped.length} column(s) the form did not list were left out: ${dropped.slice(0, 10).join(', ')}`
					: null,
				lastSubmission: connector.sinceIsPullStart && !failed ? new Date(started).toISOString() : stats.lastSubmission
			};
		}
	};
}

/** A sync log entry as one line for stderr (`sieve pull`) or a server log. */
export function syncLine(e: SyncEntry): string {
	const outcome = e.state === 'ok' ? 'ok' : `failed (${e.errorClass}): ${e.error}`;
	const last = e.lastSubmission ? `, last submission ${e.lastSubmission}` : '';
	const warn = e.warning ? `; ${e.warning}` : '';
	return `sync ${e.id} ${e.kind} ${e.action} ${e.form}: ${outcome}; ${e.fetched} fetched in ${e.pages} pages, ${e.retries} retries, ${e.durationMs} ms${last}${warn}`;
}
