import { randomBytes } from 'node:crypto';
import {
	HOOK_TEST_EVENT,
	type CreateHookRequest,
	type CreateHookResponse,
	type DeliveryLogEntry,
	type HookSummary
} from '../protocol/hooks';
import type { HooksConfig } from './config';
import { renderBody, type HookEvent } from './format';
import { nextDelayMs, parseRetryAfter } from './schedule';
import { newMessageId, newSecret, signatureHeaders } from './sign';
import { refuseUnsafeTarget, type Resolver } from './ssrf';
import type { AttemptRecord, HookStore, QueuedMessage, StoredHook } from './store';
import { createTransport, type AttemptResult, type Transport } from './transport';

export interface HookServiceDeps {
	store: HookStore;
	config: HooksConfig;
	/** clock in milliseconds; tests pass a fake one and call {@link HookService.runDue} */
	now?: () => number;
	/** jitter source in [0, 1) */
	random?: () => number;
	resolve?: Resolver;
	transport?: Transport;
	onError?: (error: unknown) => void;
	/** told of every logged attempt, e.g. to count failed deliveries for alert rules (`hooks.failed`) */
	onAttempt?: (hook: StoredHook, attempt: AttemptRecord) => void;
}

/** Webhook subscriptions and their durable, retried, signed deliveries. */
export interface HookService {
	/** Checks and stores a subscription; a refusal is a one-line reason. */
	subscribe(request: CreateHookRequest): Promise<CreateHookResponse | { error: string }>;
	list(room: string | null): HookSummary[];
	get(id: string): StoredHook | null;
	remove(id: string): void;
	/** Queues `type` for every enabled hook of `room` that subscribes to it; the message ids. */
	emit(room: string, type: string, data: Record<string, unknown>): string[];
	/** Queues one event for one admin hook (`room: null`), as alert rules do. */
	deliverToHook(hookId: string, event: { type: string; data: Record<string, unknown> }): void;
	/** Queues a `hook.test` message to one hook; its id. */
	test(hookId: string): string;
	/** Queues a logged message again (same `webhook-id`, the retry schedule starting over). */
	redeliver(hookId: string, messageId: string): boolean;
	deliveries(hookId: string, limit?: number): DeliveryLogEntry[];
	/** Makes every attempt due now; resolves with how many were made. */
	runDue(): Promise<number>;
	/** Delivers in the background from now on. */
	start(): void;
	/** Stops the background loop and waits for attempts in flight. */
	stop(): Promise<void>;
}

/** Longest sleep of the background loop, so a clock jump or another writer is noticed. */
const MAX_IDLE_MS = 60_000;

const summary = ({ id, url, format, events, enabled }: StoredHook): HookSummary => ({ id, url, format, events, enabled });

/**
 * The hook service: the queue lives in SQLite, so a restart resumes where it stopped (a message
 * claimed by a crashed attempt comes back when its lease ends).
 *
 * @example
 * const hooks = createHookService({ store: createSqliteHookStore({ file }), config: hooksConfigFromEnv(process.env) });
 * hooks.start();
 * hooks.emit(room, 'export.created', { rows: 1200 });
 */
export function createHookService(deps: HookServiceDeps): HookService {
	const { store, config } = deps;
	const now = deps.now ?? Date.now;
	const random = deps.random ?? Math.random;
	const onError = deps.onError ?? ((error: unknown) => console.error(error));
	const transport = deps.transport ?? createTransport({ allow: config.allow, resolve: deps.resolve, timeoutMs: config.timeoutMs });
	const leaseMs = config.timeoutMs + 60_000;
	let running: Promise<number> | null = null;
	let timer: ReturnType<typeof setTimeout> | null = null;
	let started = false;

	const enqueue = (hook: StoredHook, type: string, data: Record<string, unknown>): string => {
		const event: HookEvent = { type, timestamp: new Date(now()).toISOString(), room: hook.room, data };
		const id = newMessageId();
		store.enqueue({ id, hook: hook.id, event: type, body: JSON.stringify(event) }, now() + (config.schedule[0] ?? 0) * 1000);
		wake();
		return id;
	};

	const attempt = async (message: QueuedMessage): Promise<void> => {
		const hook = store.getHook(message.hook);
		if (!hook) return;
		const log = (record: AttemptRecord) => {
			store.recordAttempt(record);
			deps.onAttempt?.(hook, record);
		};
		const number = message.attempts + 1;
		const base = { id: message.id, hook: hook.id, attempt: number, event: message.event };
		if (!hook.enabled) {
			log({ ...base, status: null, state: 'failed', at: now(), error: 'the hook is disabled', nextAt: null });
			return;
		}
		const body = renderBody(hook.format, JSON.parse(message.body) as HookEvent);
		const headers = signatureHeaders(hook.secret, message.id, Math.floor(now() / 1000), body);
		const result: AttemptResult = await transport(hook.url, { ...headers }, body).catch((error: unknown) => ({
			status: null,
			error: error instanceof Error ? error.message : String(error)
		}));
		const at = now();
		const error =
			result.error ?? (result.status !== null && (result.status < 200 || result.status >= 300) ? `HTTP ${result.status}` : undefined);
		const outcome = { ...base, status: result.status, at, ...(error ? { error } : {}) };
		if (result.status !== null && result.status >= 200 && result.status < 300) {
			log({ ...outcome, state: 'delivered', nextAt: null });
		} else if (result.status === 410) {
			store.disableHook(hook.id);
			log({ ...outcome, state: 'failed', error: 'HTTP 410 Gone: the hook is disabled', nextAt: null });
		} else if (result.refused) {
			log({ ...outcome, state: 'failed', nextAt: null });
		} else {
			const delay = nextDelayMs(config.schedule, number - message.base, random, parseRetryAfter(result.retryAfter, at));
			log({ ...outcome, state: delay === null ? 'exhausted' : 'retrying', nextAt: delay === null ? null : at + delay });
		}
	};

	// each worker takes one message at a time, so a receiver that hangs for the whole timeout holds up
	// one worker, not a batch
	const worker = async (): Promise<number> => {
		let made = 0;
		for (let [message] = store.claimDue(now(), 1, leaseMs); message; [message] = store.claimDue(now(), 1, leaseMs)) {
			await attempt(message).catch(onError);
			made += 1;
		}
		return made;
	};

	const drain = async (): Promise<number> => {
		const made = await Promise.all(Array.from({ length: config.concurrency }, worker));
		return made.reduce((sum, n) => sum + n, 0);
	};

	const runDue = (): Promise<number> => {
		running ??= drain().finally(() => {
			running = null;
			wake();
		});
		return running;
	};

	function wake() {
		if (!started || running) return;
		if (timer) clearTimeout(timer);
		const next = store.nextDue();
		const wait = next === null ? MAX_IDLE_MS : Math.min(Math.max(0, next - now()), MAX_IDLE_MS);
		timer = setTimeout(() => {
			timer = null;
			void runDue();
		}, wait);
		timer.unref?.();
	}

	const hookOrThrow = (id: string) => {
		const hook = store.getHook(id);
		if (!hook) throw new Error(`no hook ${id}`);
		return hook;
	};

	return {
		async subscribe({ room, url, format, events }) {
			if (room !== null && store.listHooks(room).length >= config.maxHooksPerRoom) {
				return { error: `a room has at most ${config.maxHooksPerRoom} hooks` };
			}
			const refusal = await refuseUnsafeTarget(url, { allow: config.allow, resolve: deps.resolve });
			if (refusal) return { error: `${url} is refused: ${refusal}` };
			const hook: StoredHook = {
				id: `hook_${randomBytes(12).toString('base64url')}`,
				room,
				url,
				format,
				events,
				secret: newSecret(),
				enabled: true
			};
			store.addHook(hook);
			return { id: hook.id, secret: hook.secret };
		},
		list: (room) => store.listHooks(room).map(summary),
		get: (id) => store.getHook(id),
		remove: (id) => store.deleteHook(id),
		emit(room, type, data) {
			return store
				.listHooks(room)
				.filter((hook) => hook.enabled && (hook.events as readonly string[]).includes(type))
				.map((hook) => enqueue(hook, type, data));
		},
		deliverToHook(hookId, { type, data }) {
			const hook = hookOrThrow(hookId);
			if (hook.room !== null) throw new Error(`hook ${hookId} belongs to a room, not to the admin`);
			enqueue(hook, type, data);
		},
		test: (hookId) => enqueue(hookOrThrow(hookId), HOOK_TEST_EVENT, { test: true }),
		redeliver(hookId, messageId) {
			const queued = store.redeliver(hookId, messageId, now());
			if (queued) wake();
			return queued;
		},
		deliveries: (hookId, limit = 100) => store.deliveries(hookId, limit),
		runDue,
		start() {
			started = true;
			wake();
		},
		async stop() {
			started = false;
			if (timer) clearTimeout(timer);
			timer = null;
			await running;
		}
	};
}
