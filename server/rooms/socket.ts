import type { WSContext, WSEvents } from 'hono/ws';
import { CLOSE_CODES, type TokenClaims } from '../protocol/rooms';
import type { AddressSlots } from './address-slots';
import type { ConnectionLimits } from './limits';
import type { RoomRegistry } from './registry';
import type { Room, RoomConnection } from './room';

const MAX_TIMER_MS = 2 ** 31 - 1;
const MAX_QUEUED = 256;
const OPEN = 1;

/** The part of a `ws` socket (what @hono/node-ws puts in `raw`) that backpressure needs. */
interface RawSocket {
	bufferedAmount: number;
	terminate(): void;
}

export interface RoomSocketOptions {
	registry: RoomRegistry;
	grant: TokenClaims;
	address: string;
	slots: AddressSlots;
	limits: ConnectionLimits;
	now: () => number;
	onError: (error: unknown) => void;
}

/**
 * Websocket events joining one authorised client to its room. Frames that arrive while the
 * room loads are queued and handled in order; the socket closes when its token expires. A client
 * that stops reading loses presence messages past the soft buffer limit and is cut off past the
 * hard one, so it cannot make the relay buffer without bound.
 */
export function roomSocket({ registry, grant, address, slots, limits, now, onError }: RoomSocketOptions): WSEvents {
	let room: Room | undefined;
	let conn: RoomConnection | undefined;
	let closed = false;
	let holdsSlot = false;
	let expiry: ReturnType<typeof setTimeout> | undefined;
	const queue: Uint8Array[] = [];
	let queuedBytes = 0;

	const connection = (ws: WSContext): RoomConnection => {
		const raw = ws.raw as RawSocket | undefined;
		return {
			role: grant.role,
			member: grant.sub,
			send(message, droppable = false) {
				if (ws.readyState !== OPEN) return;
				const buffered = raw?.bufferedAmount ?? 0;
				if (buffered > limits.sendBufferHardBytes) return raw?.terminate();
				if (droppable && buffered > limits.sendBufferSoftBytes) return;
				ws.send(message as Uint8Array<ArrayBuffer>);
			},
			close(code, reason) {
				ws.close(code, reason);
			}
		};
	};

	return {
		onOpen(_event, ws) {
			if (!slots.acquire(address)) return ws.close(CLOSE_CODES.tooManyConnections, 'too many connections from this address');
			holdsSlot = true;
			const c = connection(ws);
			conn = c;
			const arm = () => {
				const left = grant.exp * 1000 - now();
				expiry =
					left > MAX_TIMER_MS
						? setTimeout(arm, MAX_TIMER_MS)
						: setTimeout(() => ws.close(CLOSE_CODES.tokenExpired, 'token expired'), Math.max(0, left));
			};
			arm();
			registry.join(grant.room, c).then(
				(joined) => {
					if (closed) return registry.leave(joined, c);
					room = joined;
					for (const message of queue.splice(0)) joined.handleMessage(c, message);
					queuedBytes = 0;
				},
				(error: unknown) => {
					onError(error);
					ws.close(1011, 'room unavailable');
				}
			);
		},
		onMessage(event, ws) {
			if (!conn) return;
			if (!(event.data instanceof ArrayBuffer)) {
				ws.close(CLOSE_CODES.badMessage, 'binary frames only');
				return;
			}
			const message = new Uint8Array(event.data);
			if (room) return room.handleMessage(conn, message);
			queuedBytes += message.byteLength;
			if (queue.length < MAX_QUEUED && queuedBytes <= limits.sendBufferHardBytes) queue.push(message);
			else ws.close(CLOSE_CODES.badMessage, 'too many messages before the room loaded');
		},
		onClose() {
			closed = true;
			clearTimeout(expiry);
			if (holdsSlot) slots.release(address);
			holdsSlot = false;
			if (room && conn) registry.leave(room, conn);
		}
	};
}
