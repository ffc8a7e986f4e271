import { createHttp } from './http';
import { pullCsv } from './pull-csv';
import type { RetryPolicy } from './retry';
import { startSync } from './sync';
import type { Connector, ConnectorContext, FormInfo, PullRequest, SyncEntry } from './types';

/** What a test or pull needs from its host (the relay or `sieve pull`). */
export interface RunDeps {
	fetch: typeof fetch;
	sleep: (ms: number) => Promise<void>;
	random: () => number;
	now: () => number;
	retry: RetryPolicy;
	timeoutMs: number;
	pageSize: number;
	/** the room the pull is for (relay), null from the command line */
	room: string | null;
	/** receives the sync log entry when the run ends, whatever its outcome */
	log: (entry: SyncEntry) => void;
	onRetry?: (attempt: number, delayMs: number, error: unknown) => void;
}

function context(connector: Connector, deps: RunDeps): ConnectorContext {
	const http = createHttp({ ...deps, classify: (e) => connector.classify(e) });
	return { http, pageSize: deps.pageSize, sleep: deps.sleep };
}

/** Checks credentials and form; the log gets one `test` entry. */
export async function testConnection(connector: Connector, req: PullRequest, deps: RunDeps): Promise<FormInfo & { syncId: string }> {
	const ctx = context(connector, deps);
	const run = startSync(connector, 'test', req, deps);
	try {
		const info = await connector.test(ctx, req);
		deps.log(run.finish(ctx.http.retries));
		return { ...info, syncId: run.id };
	} catch (error) {
		deps.log(run.finish(ctx.http.retries, error));
		throw error;
	}
}

export interface StartedPull {
	/** correlation id of the sync log entry (`x-sieve-sync-id`) */
	id: string;
	info: FormInfo;
	/** CSV text: the header and first page are already fetched; a failure later throws from here */
	chunks: AsyncGenerator<string>;
}

/**
 * Starts a pull: reads the form (fields and labels), then the first page, so bad credentials or a
 * wrong form fail here, before anything is streamed. The log gets one `pull` entry when the chunks
 * end, fail, or are abandoned by the consumer.
 */
export async function startPull(connector: Connector, req: PullRequest, deps: RunDeps): Promise<StartedPull> {
	const ctx = context(connector, deps);
	const run = startSync(connector, 'pull', req, deps);
	let logged = false;
	const end = (error?: unknown) => {
		if (logged) return;
		logged = true;
		deps.log(run.finish(ctx.http.retries, error));
	};
	let info: FormInfo;
	let first: IteratorResult<string>;
	const source = (async function* () {
		info = await connector.test(ctx, req);
		yield* pullCsv(connector, ctx, req, info.fields, run.stats);
	})();
	try {
		first = await source.next();
	} catch (error) {
		end(error);
		throw error;
	}
	async function* chunks() {
		try {
			if (!first.done) yield first.value;
			for (;;) {
				const next = await source.next();
				if (next.done) break;
				yield next.value;
			}
			end();
		} catch (error) {
			end(error);
			throw error;
		} finally {
			end(new Error('the pull was stopped before it ended'));
		}
	}
	return { id: run.id, info: info!, chunks: chunks() };
}
