/** UTF-8 helpers: the writer always declares UTF-8 (character code 65001 and record 7.20). */
const encoder = new TextEncoder();

export function utf8(text: string): Uint8Array {
	return encoder.encode(text);
}

/** The longest prefix of `bytes` no longer than `max` that does not split a UTF-8 sequence. */
export function cutUtf8(bytes: Uint8Array, max: number): Uint8Array {
	if (bytes.length <= max) return bytes;
	let end = max;
	// Step back over continuation bytes (10xxxxxx) so the cut lands on a character start.
	while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--;
	return bytes.subarray(0, end);
}

export function utf8Cut(text: string, max: number): Uint8Array {
	return cutUtf8(utf8(text), max);
}
