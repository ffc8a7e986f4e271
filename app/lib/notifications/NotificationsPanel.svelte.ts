import {
	HOOK_EVENT_TYPES,
	HOOK_FORMATS,
	type DeliveryLogEntry,
	type HookEventType,
	type HookFormat,
	type HookSummary
} from '../../../server/protocol/hooks';
import { createHook, deleteHook, hookDeliveries, listHooks, redeliver, testHook, type RoomAccess } from './relay-hooks';

export { HOOK_EVENT_TYPES, HOOK_FORMATS, type DeliveryLogEntry, type HookEventType, type HookFormat, type HookSummary };

const POLLS = 8;
const POLL_MS = 500;

/**
 * The owner's view of a shared project's webhooks: the list, a new hook's secret (shown once),
 * and each hook's delivery log. Every action ends in `error` rather than throwing.
 */
export class NotificationsPanel {
	hooks = $state.raw<HookSummary[]>([]);
	deliveries = $state.raw<Record<string, DeliveryLogEntry[]>>({});
	/** the secret of the hook just added: the relay never shows it again */
	created = $state.raw<{ id: string; secret: string } | null>(null);
	error = $state<string | null>(null);
	busy = $state(false);
	#access: RoomAccess;

	constructor(access: RoomAccess) {
		this.#access = access;
	}

	async #do(action: () => Promise<void>): Promise<void> {
		this.busy = true;
		this.error = null;
		try {
			await action();
		} catch (error) {
			this.error = error instanceof Error ? error.message : String(error);
		} finally {
			this.busy = false;
		}
	}

	refresh = () =>
		this.#do(async () => {
			this.hooks = await listHooks(this.#access);
		});

	add = (url: string, format: HookFormat, events: HookEventType[]) =>
		this.#do(async () => {
			this.created = await createHook(this.#access, { url, format, events });
			this.hooks = await listHooks(this.#access);
		});

	remove = (id: string) =>
		this.#do(async () => {
			await deleteHook(this.#access, id);
			if (this.created?.id === id) this.created = null;
			this.hooks = await listHooks(this.#access);
		});

	/** Sends a test event and waits (a few seconds at most) for its first attempt to be logged. */
	test = (id: string) =>
		this.#do(async () => {
			const [message] = (await testHook(this.#access, id)).queued;
			for (let i = 0; i < POLLS; i++) {
				await this.#loadDeliveries(id);
				if (this.deliveries[id]?.some((d) => d.id === message)) return;
				await new Promise((resolve) => setTimeout(resolve, POLL_MS));
			}
		});

	showDeliveries = (id: string) => this.#do(() => this.#loadDeliveries(id));

	redeliver = (id: string, message: string) =>
		this.#do(async () => {
			await redeliver(this.#access, id, message);
			await this.#loadDeliveries(id);
		});

	async #loadDeliveries(id: string) {
		this.deliveries = { ...this.deliveries, [id]: await hookDeliveries(this.#access, id) };
	}
}
