import { createTextDecoder } from '../../io/text/decoder';
import type { CsvEncoding } from './types';

const SLICE = 8 * 1024 * 1024;

/**
 * Re-encodes a text file as UTF-8 (what DuckDB's CSV reader reads) slice by slice, skipping `bom`
 * leading bytes. The result is a Blob of parts: a browser may keep a large one on disk.
 */
export async function transcodeToUtf8(file: Blob, encoding: CsvEncoding, bom: number): Promise<Blob> {
	const decoder = createTextDecoder(encoding);
	const encoder = new TextEncoder();
	const parts: Uint8Array[] = [];
	for (let offset = bom; offset < file.size; offset += SLICE) {
		const raw = new Uint8Array(await file.slice(offset, offset + SLICE).arrayBuffer());
		parts.push(encoder.encode(decoder.decode(raw, { stream: offset + SLICE < file.size })));
	}
	return new Blob(parts as BlobPart[]);
}
