/** A JSON value as JCS (RFC 8785) accepts it: finite numbers, well-formed strings, plain objects. */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
/** Members set to `undefined` are absent, as in JSON.stringify, so optional fields type-check. */
export type JsonObject = { [key: string]: JsonValue | undefined };

export type RespondentId = string | number;

/** One link of a device's hash chain, exactly as stored, replicated and exported (SPEC §7). */
export type AuditEvent = {
	seq: number;
	/** ISO-8601 UTC, e.g. `2026-11-22T04:16:30.123Z`. */
	time: string;
	actor: string;
	/** One of EVENT_TYPES when written by this version; verification accepts any string. */
	type: string;
	payload: JsonObject;
	/** Hash of the previous event, ZERO_HASH for seq 0. */
	prev: string;
	/** SHA-256 (lowercase hex) of the RFC 8785 canonical JSON of the event without `hash`. */
	hash: string;
};

export type UnhashedEvent = Omit<AuditEvent, 'hash'>;

/** The last verified head of a chain, kept apart from the chain so that a cut tail shows. */
export type Checkpoint = { device: string; seq: number; hash: string };

/** An event together with the device whose chain holds it (timeline, risk, summaries). */
export type DeviceEvent = AuditEvent & { device: string };

export const ZERO_HASH = '0'.repeat(64);

type DecisionAction = 'exclude' | 'keep' | 'set-missing' | 'recode' | 'edit-value' | 'merge-categories';

/** Decisions one undo/redo step touched: ids, respondent ids, variables and actions, never answers. */
type DecisionStep = {
	decisions?: string[];
	actions?: DecisionAction[];
	respondents?: RespondentId[];
	variables?: string[];
	/** How many decisions the step removed, brought back, or changed (status, approver). */
	removed?: number;
	restored?: number;
	changed?: number;
};

type RuleDef = { when: string; severity: 'info' | 'warning' | 'error'; message: string };

/**
 * Payload of each event type. Payloads name respondents, variables, rules and files by id and
 * carry the values needed to understand the action, never whole respondent records.
 */
export type AuditPayloads = {
	/** Seq 0 of every chain; binds it to its device and project so it cannot be refiled under another. */
	'chain-start': { device: string; project?: string };
	/** A project created in this browser (its first event after the chain-start). */
	project: { op: 'create'; name: string };
	import: {
		file: string;
		/** SHA-256 of the file's bytes; for a generated demo, of the canonical JSON of `demo`. */
		sha256: string;
		format: string;
		rows: number;
		variables: number;
		/** new: a file the user chose; reimport: the stored original read with another CSV dialect; restore: read again because the working copy was gone. */
		mode?: 'new' | 'reimport' | 'restore';
		csv?: { encoding: string; delimiter: string; quote: string };
		/** CSV lines (as an editor numbers them) padded or cut to the header's `expected` fields on the user's "import anyway". */
		repairs?: { expected: number; lines: { line: number; fields: number }[] };
		demo?: { generator: string; rows: number; seed: number; planted: number };
	};
	'check-run': {
		dataset: string;
		checks: { id: string; version: number; flagged: number; ms?: number }[];
	};
	'check-results': { dataset: string; respondents: number; keep: number; review: number; remove: number };
	'rule-change': { op: 'add' | 'edit' | 'delete'; rule: string; before?: RuleDef; after?: RuleDef };
	'setting-change': { key: string; before: JsonValue; after: JsonValue };
	decision: {
		action: 'exclude' | 'keep' | 'set-missing' | 'recode' | 'edit-value' | 'merge-categories';
		respondents?: RespondentId[];
		variable?: string;
		from?: JsonValue[];
		value?: JsonValue;
		before?: JsonValue;
		reason: string;
		finding?: string;
		/** A bulk action on a filtered view: `respondents` lists those written. */
		bulk?: boolean;
		/** Targets of a bulk action left as they were (already so, or an individual decision kept). */
		skipped?: number;
		/** Individual decisions a bulk action replaced because the user chose to override them. */
		overridden?: number;
	};
	/**
	 * Decisions taken back: withdrawn (`decision` or `decisions`), or one undo step (`via: 'undo'`),
	 * which lists every decision it touched, so a bulk undo is one event.
	 */
	'decision-undo': DecisionStep & { decision?: string; via?: 'withdraw' | 'undo'; reason?: string };
	/** One redo step: the decisions it touched. */
	'decision-redo': DecisionStep;
	approval: { state: 'proposed' | 'approved' | 'rejected'; decisions: string[]; note?: string };
	comment: {
		id: string;
		finding?: string;
		respondent?: RespondentId;
		variable?: string;
		text: string;
		mentions?: string[];
	};
	assignment: { findings: string[]; assignee: string };
	export: {
		format: 'csv' | 'xlsx' | 'parquet' | 'sav' | 'recipe' | 'report' | 'audit-json' | 'audit-csv' | 'audit-pdf' | 'audit-actor';
		file?: string;
		rows?: number;
		variables?: number;
		/** Names of exported variables whose role identifies people (id, ip, open ends with PII…). */
		identifying: string[];
		/** The person an `audit-actor` export is about (a data-access request). */
		subject?: string;
	};
	'audit-view': { view: 'timeline' | 'verify' | 'detail' | 'summary'; ok?: boolean };
	/** A prompt version added on this device (`version` is its id); the text lives in the prompt library. */
	'prompt-change': { op: 'edit' | 'rollback' | 'import'; prompt: string; version: string; rollbackOf?: string };
	/** One call of an AI feature: which prompt version and model, and counts, never the text sent or received. */
	'llm-call': {
		feature: string;
		prompt: string;
		version: number;
		model: string;
		/** `llm` through the relay, or the local fallback when no LLM was used */
		via: 'llm' | 'local';
		/** items described (respondents, checks…), placeholders by kind, characters sent and received */
		items: number;
		redacted: { [kind: string]: number };
		sentChars: number;
		receivedChars: number;
		ok: boolean;
	};
	/** A peer chain head this device has seen; lets verification notice a peer chain cut short. */
	witness: { device: string; seq: number; hash: string };
	/** A reviewer's "not a problem" on an anomaly flag; it also silences similar flags (same kind, actor, time of day, size). */
	'anomaly-feedback': {
		verdict: 'not-a-problem';
		kind: string;
		actor: string;
		from: string;
		to: string;
		magnitude: number;
		hour: number;
		note?: string;
	};
	/** Retention: this chain's events before `before` moved to an archive ending at `seq` with `hash`. */
	archive: { before: string; events: number; seq: number; hash: string };
};

export type EventType = keyof AuditPayloads;

export const EVENT_TYPES = [
	'chain-start',
	'project',
	'import',
	'check-run',
	'check-results',
	'rule-change',
	'setting-change',
	'decision',
	'decision-undo',
	'decision-redo',
	'approval',
	'comment',
	'assignment',
	'export',
	'audit-view',
	'witness',
	'anomaly-feedback',
	'archive',
	'prompt-change',
	'llm-call'
] as const satisfies readonly EventType[];

/** What a caller supplies to append; seq, prev and hash come from the chain. */
export type EventInput<T extends EventType = EventType> = {
	[K in T]: { type: K; payload: AuditPayloads[K]; time?: string | Date; actor?: string };
}[T];
