/** Event types clients report with `POST /events` and hooks subscribe to (SPEC §6). */
export const HOOK_EVENT_TYPES = [
	'check-run.finished',
	'anomaly.detected',
	'approval.requested',
	'approval.given',
	'export.created',
	'audit.broken',
	'alert.fired'
] as const;
export type HookEventType = (typeof HOOK_EVENT_TYPES)[number];

/** Type of the event `POST /hooks/:id/test` sends; not subscribable. */
export const HOOK_TEST_EVENT = 'hook.test';

export const HOOK_FORMATS = ['generic', 'slack', 'teams'] as const;
export type HookFormat = (typeof HOOK_FORMATS)[number];

/** What an event carries: counts and ids, never answers. */
export type EventValue = number | boolean | null | string | Array<number | string>;
export type EventData = Record<string, EventValue>;

/** Body of `POST /hooks`; `room: null` makes an admin hook (admin token). */
export interface CreateHookRequest {
	room: string | null;
	url: string;
	format: HookFormat;
	events: HookEventType[];
}

/** Response of `POST /hooks`: the signing secret is shown only here. */
export interface CreateHookResponse {
	id: string;
	/** `whsec_` + base64 of 32 random bytes */
	secret: string;
}

/** An entry of `GET /hooks?room=R`. */
export interface HookSummary {
	id: string;
	url: string;
	format: HookFormat;
	events: HookEventType[];
	/** false once the target answered 410 Gone */
	enabled: boolean;
}

export const DELIVERY_STATES = ['delivered', 'retrying', 'failed', 'exhausted'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** One attempt in `GET /hooks/:id/deliveries`, newest first. */
export interface DeliveryLogEntry {
	/** the `webhook-id`, the same for every attempt of one message */
	id: string;
	/** 1-based */
	attempt: number;
	event: string;
	/** HTTP status, or null when no response arrived */
	status: number | null;
	state: DeliveryState;
	/** ISO-8601 time of the attempt */
	at: string;
	error?: string;
}

/** Body of `POST /events` (owner or reviewer token of `room`). */
export interface ReportEventRequest {
	room: string;
	type: HookEventType;
	data: EventData;
}

/** Response of `POST /events`, `POST /hooks/:id/test` and redelivery: the queued messages' ids. */
export interface QueuedResponse {
	queued: string[];
}
