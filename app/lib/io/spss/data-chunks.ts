/**
 * The data section as a stream of byte chunks, read through a bounded window: straight from the
 * file, or inflated block by block for zlib (.zsav) files.
 */
import type { ByteSource } from '../byte-source';
import { SpssError } from './spss-error';

export const READ_WINDOW = 2 << 20;

export type BytesRead = (compressedBytesRead: number) => void;

export async function* plainChunks(source: ByteSource, start: number, onRead: BytesRead, window = READ_WINDOW): AsyncGenerator<Uint8Array> {
	for (let pos = start; pos < source.size;) {
		const chunk = await source.read(pos, Math.min(window, source.size - pos));
		if (chunk.length === 0) throw new SpssError(source.name, `truncated at byte ${pos}`);
		pos += chunk.length;
		onRead(pos);
		yield chunk;
	}
}

interface ZBlock {
	compressedOffset: number;
	compressedSize: number;
	uncompressedSize: number;
}

export async function* zlibChunks(
	source: ByteSource,
	start: number,
	littleEndian: boolean,
	onRead: BytesRead,
	window = READ_WINDOW
): AsyncGenerator<Uint8Array> {
	const fail = (reason: string): never => {
		throw new SpssError(source.name, reason);
	};
	if (start + 24 > source.size) fail(`truncated at byte ${source.size}`);
	const zh = view(await source.read(start, 24));
	const headerOffset = Number(zh.getBigInt64(0, littleEndian));
	const trailerOffset = Number(zh.getBigInt64(8, littleEndian));
	const trailerLength = Number(zh.getBigInt64(16, littleEndian));
	if (headerOffset !== start) fail(`malformed zlib header at byte ${start}: it claims offset ${headerOffset}`);
	if (trailerOffset < start + 24 || trailerLength < 24 || (trailerLength - 24) % 24 !== 0) {
		fail(`malformed zlib header at byte ${start}: trailer at ${trailerOffset}, ${trailerLength} bytes`);
	}
	if (trailerOffset + trailerLength > source.size) fail(`truncated at byte ${source.size}`);
	const trailer = view(await source.read(trailerOffset, trailerLength));
	const nBlocks = trailer.getInt32(20, littleEndian);
	if (nBlocks * 24 + 24 !== trailerLength) fail(`malformed zlib trailer at byte ${trailerOffset}: ${nBlocks} blocks`);
	const blocks: ZBlock[] = [];
	let expected = start + 24;
	for (let i = 0; i < nBlocks; i++) {
		const at = 24 + i * 24;
		const b: ZBlock = {
			compressedOffset: Number(trailer.getBigInt64(at + 8, littleEndian)),
			uncompressedSize: trailer.getInt32(at + 16, littleEndian),
			compressedSize: trailer.getInt32(at + 20, littleEndian)
		};
		if (
			b.compressedOffset !== expected ||
			b.compressedSize <= 0 ||
			b.uncompressedSize < 0 ||
			b.compressedOffset + b.compressedSize > trailerOffset
		) {
			fail(`malformed zlib trailer at byte ${trailerOffset}: block ${i} is out of place`);
		}
		expected += b.compressedSize;
		blocks.push(b);
	}
	// Inflate hands out ~16 KB pieces; gathering them into bigger chunks keeps per-chunk costs down.
	const gather = new Uint8Array(Math.max(64 * 1024, Math.min(window, 1 << 20)));
	let filled = 0;
	for (const [i, b] of blocks.entries()) {
		let produced = 0;
		for await (const out of inflate(source, b, onRead, window)) {
			produced += out.length;
			if (produced > b.uncompressedSize) fail(`corrupt zlib block ${i} at byte ${b.compressedOffset}: too much data`);
			if (filled + out.length > gather.length) {
				if (filled) yield gather.slice(0, filled);
				filled = 0;
			}
			if (out.length >= gather.length) yield out;
			else {
				gather.set(out, filled);
				filled += out.length;
			}
		}
		if (produced !== b.uncompressedSize)
			fail(`corrupt zlib block ${i} at byte ${b.compressedOffset}: ${produced} of ${b.uncompressedSize} bytes`);
	}
	if (filled) yield gather.slice(0, filled);
}

async function* inflate(source: ByteSource, b: ZBlock, onRead: BytesRead, window: number): AsyncGenerator<Uint8Array> {
	const ds = new DecompressionStream('deflate');
	const writer = ds.writable.getWriter();
	const reader = ds.readable.getReader();
	const end = b.compressedOffset + b.compressedSize;
	const pump = (async () => {
		for (let pos = b.compressedOffset; pos < end;) {
			const chunk = await source.read(pos, Math.min(window, end - pos));
			if (chunk.length === 0) throw new SpssError(source.name, `truncated at byte ${pos}`);
			pos += chunk.length;
			await writer.write(chunk as Uint8Array<ArrayBuffer>);
			onRead(pos);
		}
		await writer.close();
	})();
	// Errors surface through the reader; this keeps a failed pump from being an unhandled rejection.
	pump.catch(() => undefined);
	try {
		for (;;) {
			let r: ReadableStreamReadResult<Uint8Array>;
			try {
				r = await reader.read();
			} catch {
				await pump.catch((e) => {
					if (e instanceof SpssError) throw e;
				});
				throw new SpssError(source.name, `corrupt zlib data in the block at byte ${b.compressedOffset}`);
			}
			if (r.done) break;
			yield r.value;
		}
		await pump;
	} finally {
		reader.cancel().catch(() => undefined);
	}
}

function view(bytes: Uint8Array): DataView {
	return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
