import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MESSAGE_AWARENESS, MESSAGE_SYNC } from '../../../../server/protocol/rooms';
import { handshake, until, type RunningRelay } from '../relay-harness';

export function syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	write(encoder);
	return encoding.toUint8Array(encoder);
}

/** A plain websocket speaking the y-websocket protocol by hand. */
export async function openRawSocket(relay: RunningRelay, room: string, token: string, onCleanup: (fn: () => void) => void) {
	const result = await handshake(`${relay.wsUrl}/${room}?token=${token}`);
	if (!('open' in result)) throw new Error(`handshake refused: ${result.status}`);
	const ws = result.open;
	onCleanup(() => ws.terminate());
	const received: Uint8Array[] = [];
	ws.on('message', (data) => received.push(new Uint8Array(data as ArrayBuffer)));
	const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
	return {
		ws,
		closed,
		received,
		send: (message: Uint8Array) => ws.send(message),
		/** Asks for the relay's whole state and returns it once the reply arrives (a sequence point). */
		async relayState(): Promise<Y.Doc> {
			const before = received.length;
			ws.send(syncMessage((e) => syncProtocol.writeSyncStep1(e, new Y.Doc())));
			let reply: Uint8Array | undefined;
			await until(() => {
				reply = received.slice(before).find((m) => m[0] === MESSAGE_SYNC && m[1] === syncProtocol.messageYjsSyncStep2);
				return reply !== undefined;
			});
			const decoder = decoding.createDecoder(reply!);
			decoding.readVarUint(decoder);
			decoding.readVarUint(decoder);
			const doc = new Y.Doc();
			Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
			return doc;
		}
	};
}

/** A y-websocket awareness message carrying `states` (client id → state, null = removed) at `clock`. */
export function awarenessMessage(states: Map<number, unknown>, clock = 1): Uint8Array {
	const update = encoding.createEncoder();
	encoding.writeVarUint(update, states.size);
	for (const [id, state] of states) {
		encoding.writeVarUint(update, id);
		encoding.writeVarUint(update, clock);
		encoding.writeVarString(update, JSON.stringify(state));
	}
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
	encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update));
	return encoding.toUint8Array(encoder);
}
