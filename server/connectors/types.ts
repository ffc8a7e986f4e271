import type { Http } from './http';
import type { ConnectorKind, ErrorClass, FormInfo, PullRequest } from '../protocol/connectors';

export { CONNECTOR_KINDS } from '../protocol/connectors';
export type { ConnectorKind, Credentials, ErrorClass, Field, FormInfo, PullRequest, SyncEntry } from '../protocol/connectors';

/** One page of submissions, flattened to column name → value. */
export interface Page {
	records: Record<string, unknown>[];
	/** submissions in the whole pull, when the platform says */
	total: number | null;
}

/** What a connector gets to talk to its platform. */
export interface ConnectorContext {
	http: Http;
	/** submissions per request */
	pageSize: number;
	/** waits between polls of an export job (Qualtrics) */
	sleep: (ms: number) => Promise<void>;
}

/** One survey platform: the same code runs on the relay and in `sieve pull`. */
export interface Connector {
	kind: ConnectorKind;
	/** Checks the credentials and the form; returns the form's title, size and labelled fields. */
	test(ctx: ConnectorContext, req: PullRequest): Promise<FormInfo>;
	/** The submissions page by page, oldest first where the platform allows. */
	pull(ctx: ConnectorContext, req: PullRequest): AsyncIterable<Page>;
	/** The platform's submission time of a flattened record (ISO-8601), for the next incremental pull. */
	submittedAt(record: Record<string, unknown>): string | null;
	/** the platform filters `since` on its own change time rather than a submission time in the data (REDCap): the next `since` is this pull's start */
	sinceIsPullStart?: boolean;
	classify(error: unknown): ErrorClass;
}
