import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { CLOSE_CODES, MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC, type Role } from '../protocol/rooms';
import type { RoomStore } from '../store/types';
import { checkAwarenessUpdate } from './awareness-guard';
import type { ConnectionLimits } from './limits';
import { createTokenBucket, type TokenBucket } from './token-bucket';

/** One client socket as the room sees it. */
export interface RoomConnection {
	readonly role: Role;
	/** the member (token `sub`) on this connection */
	readonly member: string;
	/** Sends a message; a `droppable` one (presence) may be dropped when the client reads slowly. */
	send(message: Uint8Array, droppable?: boolean): void;
	close(code: number, reason: string): void;
}

interface ConnectionState {
	/** awareness client ids this connection speaks for */
	ids: Set<number>;
	awarenessBudget: TokenBucket;
	lastQueryAt: number;
}

export interface RoomOptions {
	name: string;
	store: RoomStore;
	/** updates as loaded from the store */
	stored: Uint8Array[];
	/** refuse client updates that would grow the stored state past this */
	maxBytes: number;
	/** compact the stored updates into one after this many appends */
	compactEvery: number;
	limits: ConnectionLimits;
	/** clock in milliseconds */
	now?: () => number;
	onError?: (error: unknown) => void;
}

export interface RoomStats {
	/** sync updates from viewers that were dropped */
	droppedViewerUpdates: number;
	/** client updates refused because of maxBytes */
	refusedUpdates: number;
	/** awareness messages dropped: over the rate, or for another connection's client id */
	droppedAwareness: number;
	/** estimate of the stored bytes (exact right after a compaction) */
	storedBytes: number;
}

export interface Room {
	readonly name: string;
	readonly doc: Y.Doc;
	readonly size: number;
	readonly stats: Readonly<RoomStats>;
	addConnection(conn: RoomConnection): void;
	removeConnection(conn: RoomConnection): void;
	handleMessage(conn: RoomConnection, message: Uint8Array): void;
	/** Compacts into one stored update and waits for every pending write. */
	flush(): Promise<void>;
	/** Closes the connections of one member. */
	disconnectMember(member: string, code: number, reason: string): void;
	/** Closes every connection; messages still in flight from them are ignored. */
	disconnectAll(code: number, reason: string): void;
	/** Releases the doc; call after {@link Room.flush}. The room must not be used afterwards. */
	destroy(): void;
}

/**
 * A y-websocket room: a Y.Doc and awareness shared by its connections, persisted to the store.
 * Updates from viewers are never applied nor forwarded; their awareness is.
 *
 * @example
 * const room = createRoom({ name, store, stored: await store.load(name), maxBytes, compactEvery: 200 });
 * room.addConnection(conn);
 */
export function createRoom(options: RoomOptions): Room {
	const { name, store, maxBytes, compactEvery, limits, now = Date.now, onError = console.error } = options;
	const doc = new Y.Doc();
	Y.transact(doc, () => {
		for (const update of options.stored) Y.applyUpdate(doc, update);
	});
	const awareness = new awarenessProtocol.Awareness(doc);
	awareness.setLocalState(null);

	const conns = new Map<RoomConnection, ConnectionState>();
	const owners = new Map<number, RoomConnection>();
	const stats: RoomStats = {
		droppedViewerUpdates: 0,
		refusedUpdates: 0,
		droppedAwareness: 0,
		storedBytes: options.stored.reduce((sum, u) => sum + u.byteLength, 0)
	};
	let appendsSinceCompact = options.stored.length;
	let writes: Promise<void> = Promise.resolve();

	const write = (op: () => Promise<void>) => {
		writes = writes.then(op).catch((error: unknown) => onError(error));
	};
	const compact = () => {
		const state = Y.encodeStateAsUpdate(doc);
		stats.storedBytes = state.byteLength;
		appendsSinceCompact = 1;
		write(() => store.compact(name, state));
	};

	doc.on('update', (update: Uint8Array, origin: unknown) => {
		stats.storedBytes += update.byteLength;
		appendsSinceCompact += 1;
		write(() => store.append(name, update));
		if (appendsSinceCompact > compactEvery) compact();
		const message = encodeSync((encoder) => syncProtocol.writeUpdate(encoder, update));
		for (const conn of conns.keys()) if (conn !== origin) conn.send(message);
	});

	awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
		const changed = [...added, ...updated, ...removed];
		const conn = origin as RoomConnection;
		const controlled = conns.get(conn)?.ids;
		if (controlled) {
			for (const id of added) {
				controlled.add(id);
				owners.set(id, conn);
			}
			for (const id of removed) {
				controlled.delete(id);
				owners.delete(id);
			}
		}
		const message = encodeAwareness(changed);
		for (const c of conns.keys()) c.send(message, true);
	});

	const encodeAwareness = (clients: number[]) => {
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
		encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
		return encoding.toUint8Array(encoder);
	};

	const applyClientUpdate = (conn: RoomConnection, update: Uint8Array) => {
		if (conn.role === 'viewer') {
			stats.droppedViewerUpdates += 1;
			return;
		}
		if (stats.storedBytes + update.byteLength > maxBytes && appendsSinceCompact > 1) compact();
		if (stats.storedBytes + update.byteLength > maxBytes) {
			stats.refusedUpdates += 1;
			conn.close(CLOSE_CODES.roomFull, `room is larger than ${maxBytes} bytes`);
			return;
		}
		Y.applyUpdate(doc, update, conn);
	};

	const handleAwareness = (conn: RoomConnection, state: ConnectionState, update: Uint8Array) => {
		const verdict = checkAwarenessUpdate(update, {
			own: state.ids,
			ownerOf: (id) => owners.get(id),
			self: conn,
			maxClientIds: limits.awarenessClientIds,
			maxStateBytes: limits.awarenessStateBytes
		});
		if (!verdict.ok && verdict.close) return conn.close(CLOSE_CODES.badMessage, verdict.reason);
		if (!verdict.ok || !state.awarenessBudget.take()) {
			stats.droppedAwareness += 1;
			return;
		}
		awarenessProtocol.applyAwarenessUpdate(awareness, update, conn);
	};

	const answerQueryAwareness = (conn: RoomConnection, state: ConnectionState) => {
		const t = now();
		if (t - state.lastQueryAt < limits.queryAwarenessIntervalMs) return;
		state.lastQueryAt = t;
		conn.send(encodeAwareness([...awareness.getStates().keys()]), true);
	};

	const handleSync = (conn: RoomConnection, decoder: decoding.Decoder) => {
		const type = decoding.readVarUint(decoder);
		switch (type) {
			case syncProtocol.messageYjsSyncStep1: {
				const encoder = encoding.createEncoder();
				encoding.writeVarUint(encoder, MESSAGE_SYNC);
				syncProtocol.readSyncStep1(decoder, encoder, doc);
				conn.send(encoding.toUint8Array(encoder));
				return;
			}
			case syncProtocol.messageYjsSyncStep2:
			case syncProtocol.messageYjsUpdate:
				applyClientUpdate(conn, decoding.readVarUint8Array(decoder));
				return;
			default:
				throw new Error(`unknown sync message ${type}`);
		}
	};

	return {
		name,
		doc,
		stats,
		get size() {
			return conns.size;
		},
		addConnection(conn) {
			conns.set(conn, {
				ids: new Set(),
				awarenessBudget: createTokenBucket({ perSecond: limits.awarenessPerSecond, burst: limits.awarenessBurst, now }),
				lastQueryAt: -Infinity
			});
			if (conn.role !== 'viewer') {
				conn.send(encodeSync((encoder) => syncProtocol.writeSyncStep1(encoder, doc)));
			}
			const clients = [...awareness.getStates().keys()];
			if (clients.length > 0) conn.send(encodeAwareness(clients), true);
		},
		removeConnection(conn) {
			const state = conns.get(conn);
			if (!state) return;
			conns.delete(conn);
			for (const id of state.ids) owners.delete(id);
			awarenessProtocol.removeAwarenessStates(awareness, [...state.ids], null);
		},
		handleMessage(conn, message) {
			const state = conns.get(conn);
			if (!state) return;
			try {
				const decoder = decoding.createDecoder(message);
				const type = decoding.readVarUint(decoder);
				switch (type) {
					case MESSAGE_SYNC:
						handleSync(conn, decoder);
						return;
					case MESSAGE_AWARENESS:
						handleAwareness(conn, state, decoding.readVarUint8Array(decoder));
						return;
					case MESSAGE_QUERY_AWARENESS:
						answerQueryAwareness(conn, state);
						return;
					default:
						// y-websocket's auth message (2) only ever flows relay → client
						return;
				}
			} catch {
				conn.close(CLOSE_CODES.badMessage, 'malformed message');
			}
		},
		async flush() {
			if (appendsSinceCompact > 1) compact();
			await writes;
		},
		disconnectMember(member, code, reason) {
			for (const conn of conns.keys()) if (conn.member === member) conn.close(code, reason);
		},
		disconnectAll(code, reason) {
			for (const conn of [...conns.keys()]) {
				conns.delete(conn);
				conn.close(code, reason);
			}
		},
		destroy() {
			conns.clear();
			owners.clear();
			awareness.destroy();
			doc.destroy();
		}
	};
}

function encodeSync(write: (encoder: encoding.Encoder) => void): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	write(encoder);
	return encoding.toUint8Array(encoder);
}
