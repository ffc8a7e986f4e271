import { canonicalize } from './canonical-json';
import type { UnhashedEvent } from './events';

const encoder = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** SHA-256 of the UTF-8 bytes of `text`, lowercase hex; WebCrypto, so the same in browsers and Node 20. */
export async function sha256Hex(text: string): Promise<string> {
	const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', encoder.encode(text)));
	let hex = '';
	for (const byte of digest) hex += HEX[byte];
	return hex;
}

/** The chain hash of an event: SHA-256 of the canonical JSON of exactly its six unhashed fields. */
export function hashEvent(event: UnhashedEvent, payloadText?: string): Promise<string> {
	return sha256Hex(eventText(event, payloadText));
}

/**
 * The canonical JSON of an event's six unhashed fields, members in RFC 8785 order (actor, payload,
 * prev, seq, time, type). `payloadText`, the payload's canonical JSON when the caller has it, is
 * spliced in rather than written again: appends are bound by this work.
 */
export function eventText(event: UnhashedEvent, payloadText = canonicalize(event.payload)): string {
	const { seq, time, actor, type, prev } = event;
	return `{"actor":${canonicalize(actor)},"payload":${payloadText},"prev":${canonicalize(prev)},"seq":${canonicalize(seq)},"time":${canonicalize(time)},"type":${canonicalize(type)}}`;
}
