import type { Http } from './http';

export const CONNECTOR_KINDS = ['kobo', 'odk', 'qualtrics', 'redcap'] as const;
export type ConnectorKind = (typeof CONNECTOR_KINDS)[number];

/** How a failed request is treated: retried (transient), reported (permanent), or reported as bad credentials (auth). */
export type ErrorClass = 'transient' | 'permanent' | 'auth';

/** Credentials the user keeps in the browser and sends with each pull; never stored by the relay. */
export interface Credentials {
	/** API token (Kobo `Token`, ODK session/app-user bearer, Qualtrics `X-API-TOKEN`, REDCap `token`) */
	token?: string;
	/** ODK Central e-mail for basic auth */
	user?: string;
	password?: string;
}

/** What to pull (SPEC §6 body of `POST /connectors/:kind/pull`). */
export interface PullRequest {
	/** the platform's server, e.g. `https://kf.kobotoolbox.org` */
	baseUrl: string;
	credentials: Credentials;
	/** Kobo asset uid, ODK `PROJECT/FORM`, Qualtrics survey id, REDCap instrument (empty: every instrument) */
	form: string;
	/** ISO-8601: only submissions after this time */
	since?: string;
}

/** A column of the pulled table with the platform's own label (question text). */
export interface Field {
	name: string;
	label: string | null;
}

export interface FormInfo {
	title: string | null;
	/** submissions on the platform, when it says */
	count: number | null;
	fields: Field[];
}

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

/** One pull or test, as the sync log keeps it. */
export interface SyncEntry {
	/** correlation id, also sent as `x-sieve-sync-id` */
	id: string;
	room: string | null;
	kind: ConnectorKind;
	action: 'test' | 'pull';
	form: string;
	since: string | null;
	/** ISO-8601 start */
	at: string;
	durationMs: number;
	fetched: number;
	pages: number;
	retries: number;
	state: 'ok' | 'failed';
	errorClass: ErrorClass | null;
	error: string | null;
	/** something the user should know about a pull that worked, e.g. answers in columns the form did not list */
	warning: string | null;
	/** latest submission time seen: the `since` of the next incremental pull */
	lastSubmission: string | null;
}
