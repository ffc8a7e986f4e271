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
export function hashEvent(event: UnhashedEvent): Promise<string> {
	const { seq, time, actor, type, payload, prev } = event;
	return sha256Hex(canonicalize({ seq, time, actor, type, payload, prev }));
}
