import type {
	CreateHookRequest,
	CreateHookResponse,
	DeliveryLogEntry,
	EventData,
	HookEventType,
	HookSummary,
	QueuedResponse
} from '../../../server/protocol/hooks';
import { relayJson } from '../collab/membership';

/** The relay room a shared project lives in, with this browser's token for it. */
export interface RoomAccess {
	/** the relay's HTTP origin */
	relay: string;
	room: string;
	token: string;
}

const call = async <T>({ relay, token }: RoomAccess, path: string, method = 'GET', body?: unknown): Promise<T> =>
	relayJson<T>(
		await fetch(`${relay}${path}`, {
			method,
			headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
			body: body === undefined ? undefined : JSON.stringify(body)
		})
	);

const hookPath = (id: string, rest = '') => `/hooks/${encodeURIComponent(id)}${rest}`;

/** `GET /hooks?room=R` (owner). */
export const listHooks = (access: RoomAccess) => call<HookSummary[]>(access, `/hooks?room=${encodeURIComponent(access.room)}`);

/** `POST /hooks` (owner); the secret in the answer is shown only once. */
export const createHook = (access: RoomAccess, hook: Omit<CreateHookRequest, 'room'>) =>
	call<CreateHookResponse>(access, '/hooks', 'POST', { ...hook, room: access.room });

export async function deleteHook(access: RoomAccess, id: string): Promise<void> {
	const res = await fetch(`${access.relay}${hookPath(id)}`, { method: 'DELETE', headers: { authorization: `Bearer ${access.token}` } });
	if (!res.ok) await relayJson(res);
}

export const testHook = (access: RoomAccess, id: string) => call<QueuedResponse>(access, hookPath(id, '/test'), 'POST');

export const hookDeliveries = (access: RoomAccess, id: string) => call<DeliveryLogEntry[]>(access, hookPath(id, '/deliveries'));

export const redeliver = (access: RoomAccess, id: string, message: string) =>
	call<QueuedResponse>(access, hookPath(id, `/deliveries/${encodeURIComponent(message)}/redeliver`), 'POST');

/** `POST /events` (owner or reviewer): counts and ids only, never answers. */
export const reportEvent = (access: RoomAccess, type: HookEventType, data: EventData) =>
	call<QueuedResponse>(access, '/events', 'POST', { room: access.room, type, data });
