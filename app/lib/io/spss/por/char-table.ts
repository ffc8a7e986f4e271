/**
 * The portable file's 256-byte character table: entry p holds the file's byte for the character
 * at portable position p (PSPP manual, "Portable File Header"). We map file bytes back to ASCII.
 */

/** ASCII for the portable positions that have one; other positions (box drawing, ≤, …) stay unmapped. */
const POSITIONS: [number, string][] = [
	[64, '0123456789'],
	[74, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'],
	[100, 'abcdefghijklmnopqrstuvwxyz'],
	[126, ' .<(+|&[]!$*);^-/|,%_>?`:'],
	// 151 is the pound sign; files written in ASCII put '#' there.
	[151, '#@\'="'],
	[162, '~'],
	[184, '{}\\']
];

export const TABLE_OFFSET = 200;
export const HEADER_LENGTH = 464;

export function asciiAt(position: number): string | undefined {
	for (const [start, chars] of POSITIONS) {
		if (position >= start && position < start + chars.length) return chars[position - start];
	}
	return undefined;
}

/**
 * File byte → ASCII byte. Bytes the table does not mention map to themselves, so text outside the
 * portable repertoire (UTF-8, Latin-1) written by modern software passes through.
 */
export function byteMap(table: Uint8Array): Uint8Array {
	const map = new Uint8Array(256);
	for (let b = 0; b < 256; b++) map[b] = b;
	const assigned = new Set<number>();
	for (let p = 64; p < 256; p++) {
		const ascii = asciiAt(p);
		const b = table[p];
		// Undefined characters repeat the byte of '0' (position 64); skip them.
		if (ascii === undefined || (p !== 64 && b === table[64]) || assigned.has(b)) continue;
		map[b] = ascii.charCodeAt(0);
		assigned.add(b);
	}
	return map;
}

/** The file's bytes for `text` (ASCII), to recognise the SPSSPORT tag in any character set. */
export function fileBytes(table: Uint8Array, text: string): number[] {
	return [...text].map((c) => {
		for (let p = 64; p < 256; p++) if (asciiAt(p) === c) return table[p];
		return -1;
	});
}
