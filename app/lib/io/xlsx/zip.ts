/**
 * The parts of a zip archive read from its central directory (the file's tail), so sizes are
 * known before anything is inflated; an entry is inflated as a stream whose output is counted.
 */
import { XlsxError } from './xlsx-error';

export interface ZipEntry {
	name: string;
	method: number;
	compressedSize: number;
	/** Uncompressed size as the directory declares it. */
	size: number;
	localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;
const STORED = 0;
const DEFLATED = 8;

async function bytesAt(file: Blob, start: number, length: number): Promise<DataView> {
	if (start < 0 || start + length > file.size) throw new XlsxError(`damaged zip structure (byte ${start} is outside the file)`);
	const buf = await file.slice(start, start + length).arrayBuffer();
	return new DataView(buf);
}

export async function readZipDirectory(file: Blob): Promise<Map<string, ZipEntry>> {
	const tailStart = Math.max(0, file.size - (22 + MAX_COMMENT));
	const tail = await bytesAt(file, tailStart, file.size - tailStart);
	let eocd = -1;
	for (let i = tail.byteLength - 22; i >= 0; i--) {
		if (tail.getUint32(i, true) === EOCD) {
			eocd = i;
			break;
		}
	}
	if (eocd < 0) throw new XlsxError('not a zip archive (no central directory)');
	let count = tail.getUint16(eocd + 10, true);
	let dirSize = tail.getUint32(eocd + 12, true);
	let dirOffset = tail.getUint32(eocd + 16, true);
	if ((dirOffset === 0xffffffff || count === 0xffff) && eocd >= 20 && tail.getUint32(eocd - 20, true) === ZIP64_LOCATOR) {
		const z = await bytesAt(file, Number(tail.getBigUint64(eocd - 12, true)), 56);
		count = Number(z.getBigUint64(32, true));
		dirSize = Number(z.getBigUint64(40, true));
		dirOffset = Number(z.getBigUint64(48, true));
	}
	const dir = await bytesAt(file, dirOffset, dirSize);
	const entries = new Map<string, ZipEntry>();
	const names = new TextDecoder();
	for (let p = 0, k = 0; k < count; k++) {
		if (p + 46 > dir.byteLength || dir.getUint32(p, true) !== CENTRAL) throw new XlsxError(`damaged zip directory (entry ${k + 1})`);
		const nameLength = dir.getUint16(p + 28, true);
		const extraLength = dir.getUint16(p + 30, true);
		const entry: ZipEntry = {
			name: names.decode(new Uint8Array(dir.buffer, p + 46, Math.min(nameLength, dir.byteLength - p - 46))),
			method: dir.getUint16(p + 10, true),
			compressedSize: dir.getUint32(p + 20, true),
			size: dir.getUint32(p + 24, true),
			localOffset: dir.getUint32(p + 42, true)
		};
		readZip64Extra(dir, p + 46 + nameLength, extraLength, entry);
		entries.set(entry.name, entry);
		p += 46 + nameLength + extraLength + dir.getUint16(p + 32, true);
	}
	return entries;
}

/** Sizes and offsets of 0xFFFFFFFF live in the zip64 extra field (id 1), in this order. */
function readZip64Extra(dir: DataView, start: number, length: number, entry: ZipEntry): void {
	for (let p = start; p + 4 <= start + length && p + 4 <= dir.byteLength;) {
		const id = dir.getUint16(p, true);
		const size = dir.getUint16(p + 2, true);
		if (id === 1) {
			let q = p + 4;
			const next = () => {
				const v = q + 8 <= dir.byteLength ? Number(dir.getBigUint64(q, true)) : 0;
				q += 8;
				return v;
			};
			if (entry.size === 0xffffffff) entry.size = next();
			if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
			if (entry.localOffset === 0xffffffff) entry.localOffset = next();
		}
		p += 4 + size;
	}
}

/** The entry's bytes, inflated, as a stream that fails once it yields more than `limit` bytes. */
export async function openEntry(file: Blob, entry: ZipEntry, limit: number, tooLarge: () => string): Promise<ReadableStream<Uint8Array>> {
	const local = await bytesAt(file, entry.localOffset, 30);
	if (local.getUint32(0, true) !== LOCAL) throw new XlsxError(`damaged zip entry ${entry.name}`);
	const start = entry.localOffset + 30 + local.getUint16(26, true) + local.getUint16(28, true);
	if (start + entry.compressedSize > file.size) throw new XlsxError(`zip entry ${entry.name} runs past the end of the file`);
	const raw = file.slice(start, start + entry.compressedSize).stream();
	if (entry.method !== STORED && entry.method !== DEFLATED)
		throw new XlsxError(`zip entry ${entry.name} uses compression method ${entry.method}`);
	const inflated = entry.method === DEFLATED ? raw.pipeThrough(new DecompressionStream('deflate-raw')) : raw;
	let total = 0;
	// The directory's sizes can lie: the output itself is counted.
	return inflated.pipeThrough(
		new TransformStream<Uint8Array, Uint8Array>({
			transform(chunk, out) {
				total += chunk.length;
				if (total > limit) throw new XlsxError(tooLarge());
				out.enqueue(chunk);
			}
		})
	);
}
