/** Wire types of `/connectors` (SPEC §6), shared by the relay, `sieve pull` and the app. */

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

/** `POST /connectors/:kind/test` answers the form: its title, submission count and labelled fields. */
export type TestResponse = FormInfo & { syncId: string };

/** A failed test or pull: 400 for a bad body, 502 when the platform refused or failed (`class` says how). */
export interface ConnectorFailure {
	error: string;
	class?: ErrorClass;
	/** the sync log entry of the failed run */
	syncId?: string | null;
}

/** Response header of a pull naming its sync log entry. */
export const SYNC_ID_HEADER = 'x-sieve-sync-id';
