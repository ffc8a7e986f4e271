/**
 * ZLIB framing of a .zsav: the bytecode stream cut into 0x3ff000-byte blocks, each deflated as
 * its own RFC 1950 stream, plus the 24-byte ZLIB data header and the trailer of block descriptors.
 */
import { ByteBuilder } from './byte-builder';

export const BLOCK_SIZE = 0x3ff000;

interface Block {
	uncompressedSize: number;
	compressedSize: number;
}

/** CompressionStream('deflate') emits the zlib wrapper, and exists in browsers and Node ≥ 18. */
async function deflate(data: Uint8Array): Promise<Uint8Array> {
	const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate'));
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

export class ZlibBlocks {
	readonly #headerOfs: number;
	#pending = new Uint8Array(BLOCK_SIZE);
	#fill = 0;
	#blocks: Block[] = [];

	/** `headerOfs` is the file offset of the ZLIB data header (just after the 999 record). */
	constructor(headerOfs: number) {
		this.#headerOfs = headerOfs;
	}

	/** Takes bytecode bytes; returns compressed blocks completed by them. */
	async push(chunk: Uint8Array): Promise<Uint8Array[]> {
		const out: Uint8Array[] = [];
		let at = 0;
		while (at < chunk.length) {
			const n = Math.min(chunk.length - at, BLOCK_SIZE - this.#fill);
			this.#pending.set(chunk.subarray(at, at + n), this.#fill);
			this.#fill += n;
			at += n;
			if (this.#fill === BLOCK_SIZE) out.push(await this.#flush());
		}
		return out;
	}

	async #flush(): Promise<Uint8Array> {
		const compressed = await deflate(this.#pending.subarray(0, this.#fill));
		this.#blocks.push({ uncompressedSize: this.#fill, compressedSize: compressed.length });
		this.#fill = 0;
		return compressed;
	}

	/** Compresses what is left (one block even when empty, so a file always has data). */
	async end(): Promise<Uint8Array[]> {
		return this.#fill > 0 || this.#blocks.length === 0 ? [await this.#flush()] : [];
	}

	get trailerOfs(): number {
		return this.#headerOfs + 24 + this.#blocks.reduce((n, b) => n + b.compressedSize, 0);
	}

	header(): Uint8Array {
		return new ByteBuilder()
			.int64(this.#headerOfs)
			.int64(this.trailerOfs)
			.int64(24 + 24 * this.#blocks.length)
			.finish();
	}

	trailer(): Uint8Array {
		const b = new ByteBuilder().int64(-100).int64(0).int32(BLOCK_SIZE).int32(this.#blocks.length);
		let uncompressedOfs = this.#headerOfs;
		let compressedOfs = this.#headerOfs + 24;
		for (const blk of this.#blocks) {
			b.int64(uncompressedOfs).int64(compressedOfs).int32(blk.uncompressedSize).int32(blk.compressedSize);
			uncompressedOfs += blk.uncompressedSize;
			compressedOfs += blk.compressedSize;
		}
		return b.finish();
	}
}
