/** Records 7.13 (long variable names) and 7.14 (very long string widths): "KEY=value" pairs separated by tabs. */
import { splitBytes } from './record-bytes';
import type { FieldDecoder } from './text-decoder';

export function parsePairs(data: Uint8Array, text: FieldDecoder): [string, string][] {
	const pairs: [string, string][] = [];
	for (const piece of splitBytes(data, 0x09)) {
		const eq = piece.indexOf(0x3d);
		if (eq <= 0) continue;
		const key = text.decode(piece, 0, eq).toUpperCase();
		const value = text.decode(
			piece.map((b) => (b === 0 ? 0x20 : b)),
			eq + 1
		);
		pairs.push([key, value]);
	}
	return pairs;
}
