import * as decoding from 'lib0/decoding';

export type AwarenessVerdict = { ok: true } | { ok: false; close: boolean; reason: string };

export interface AwarenessGuardOptions {
	/** the ids this connection already speaks for */
	own: ReadonlySet<number>;
	/** the connection speaking for an id, if any */
	ownerOf: (clientId: number) => unknown;
	self: unknown;
	maxClientIds: number;
	maxStateBytes: number;
}

/**
 * Whether a connection may apply an awareness update: only for client ids no other connection
 * speaks for (no spoofing someone else's presence), at most `maxClientIds` of them, each state
 * at most `maxStateBytes`. An update for another connection's id is dropped (it may be the same
 * client reconnecting before the relay saw the old socket close); one that breaks a cap closes.
 */
export function checkAwarenessUpdate(update: Uint8Array, options: AwarenessGuardOptions): AwarenessVerdict {
	const decoder = decoding.createDecoder(update);
	const count = decoding.readVarUint(decoder);
	const added = new Set<number>();
	for (let i = 0; i < count; i++) {
		const clientId = decoding.readVarUint(decoder);
		decoding.readVarUint(decoder);
		const state = decoding.readVarUint8Array(decoder);
		const owner = options.ownerOf(clientId);
		if (owner !== undefined && owner !== options.self) return { ok: false, close: false, reason: 'awareness of another connection' };
		if (state.byteLength > options.maxStateBytes) return { ok: false, close: true, reason: 'awareness state too large' };
		if (!options.own.has(clientId) && !isNull(state)) added.add(clientId);
	}
	if (options.own.size + added.size > options.maxClientIds) return { ok: false, close: true, reason: 'too many awareness client ids' };
	return { ok: true };
}

// y-protocols encodes a removed state as the JSON text `null`.
const isNull = (state: Uint8Array) => state.byteLength === 4 && String.fromCharCode(...state) === 'null';
