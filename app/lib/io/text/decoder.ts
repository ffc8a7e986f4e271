/**
 * A TextDecoder that decodes single-byte code pages from our own WHATWG tables, so Node and browsers
 * agree: Node 20's TextDecoder('windows-1252') is Latin-1 (0x92 -> U+0092 instead of ’).
 */
import { SINGLE_BYTE_HIGH } from './single-byte-tables';

export interface BytesDecoder {
	/** The WHATWG name of the encoding ("windows-1252" for "latin1", "cp1252", …). */
	readonly encoding: string;
	decode(bytes?: Uint8Array, options?: { stream?: boolean }): string;
}

const CHUNK = 8192;
const tables = new Map<string, Uint16Array>();

/** Throws RangeError for a label the platform's TextDecoder does not know, as TextDecoder does. */
export function createTextDecoder(label: string, options?: { fatal?: boolean }): BytesDecoder {
	const platform = new TextDecoder(label, options);
	const table = singleByteTable(platform.encoding);
	if (!table) return platform;
	const fatal = options?.fatal === true;
	return { encoding: platform.encoding, decode: (bytes) => (bytes ? decodeWith(table, bytes, fatal) : '') };
}

function singleByteTable(encoding: string): Uint16Array | undefined {
	const high = SINGLE_BYTE_HIGH[encoding];
	if (high === undefined) return undefined;
	let table = tables.get(encoding);
	if (!table) {
		table = new Uint16Array(256);
		for (let b = 0; b < 128; b++) table[b] = b;
		for (let b = 0; b < 128; b++) table[128 + b] = high.charCodeAt(b);
		tables.set(encoding, table);
	}
	return table;
}

function decodeWith(table: Uint16Array, bytes: Uint8Array, fatal: boolean): string {
	const units = new Uint16Array(Math.min(bytes.length, CHUNK));
	let out = '';
	for (let start = 0; start < bytes.length; start += CHUNK) {
		const n = Math.min(CHUNK, bytes.length - start);
		for (let i = 0; i < n; i++) units[i] = table[bytes[start + i]];
		const chunk = units.subarray(0, n);
		if (fatal && chunk.includes(0xfffd)) throw new TypeError(`byte not in the code page at offset ${start + chunk.indexOf(0xfffd)}`);
		out += String.fromCharCode(...chunk);
	}
	return out;
}
