import type { WSEvents } from 'hono/ws';
import { CLOSE_CODES, type TokenClaims } from '../protocol/rooms';
import type { RoomRegistry } from './registry';
import type { Room, RoomConnection } from './room';

const MAX_TIMER_MS = 2 ** 31 - 1;
const MAX_QUEUED = 256;
const OPEN = 1;

/**
 * Websocket events joining one authorised client to its room. Frames that arrive while the
 * room loads are queued and handled in order; the socket closes when its token expires.
 */
export function roomSocket(registry: RoomRegistry, grant: TokenClaims, now: () => number, onError: (error: unknown) => void): WSEvents {
	let room: Room | undefined;
	let conn: RoomConnection | undefined;
	let closed = false;
	let expiry: ReturnType<typeof setTimeout> | undefined;
	const queue: Uint8Array[] = [];

	return {
		onOpen(_event, ws) {
			const connection: RoomConnection = {
				role: grant.role,
				send(message) {
					if (ws.readyState === OPEN) ws.send(message as Uint8Array<ArrayBuffer>);
				},
				close(code, reason) {
					ws.close(code, reason);
				}
			};
			conn = connection;
			const arm = () => {
				const left = grant.exp * 1000 - now();
				expiry =
					left > MAX_TIMER_MS
						? setTimeout(arm, MAX_TIMER_MS)
						: setTimeout(() => ws.close(CLOSE_CODES.tokenExpired, 'token expired'), Math.max(0, left));
			};
			arm();
			registry.join(grant.room, connection).then(
				(joined) => {
					if (closed) return registry.leave(joined, connection);
					room = joined;
					for (const message of queue.splice(0)) joined.handleMessage(connection, message);
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
			if (room) room.handleMessage(conn, message);
			else if (queue.length < MAX_QUEUED) queue.push(message);
			else ws.close(CLOSE_CODES.badMessage, 'too many messages before the room loaded');
		},
		onClose() {
			closed = true;
			clearTimeout(expiry);
			if (room && conn) registry.leave(room, conn);
		}
	};
}
