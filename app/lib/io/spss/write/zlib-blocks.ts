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

export type Deflate = (data: Uint8Array) => Promise<Uint8Array> | Uint8Array;

/** CompressionStream('deflate') emits the zlib wrapper, and exists in browsers and Node ≥ 18. */
export async function streamDeflate(data: Uint8Array): Promise<Uint8Array> {
	const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate'));
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Blocks compressing at once: encoding the next block overlaps compression of the previous ones. */
const IN_FLIGHT = 2;

export class ZlibBlocks {
	readonly #headerOfs: number;
	readonly #deflate: Deflate;
	#pending = new Uint8Array(BLOCK_SIZE);
	#fill = 0;
	#blocks: Block[] = [];
	#started = 0;
	#inFlight: { size: number; done: Promise<Uint8Array> }[] = [];

	/** `headerOfs` is the file offset of the ZLIB data header (just after the 999 record). */
	constructor(headerOfs: number, deflate: Deflate = streamDeflate) {
		this.#headerOfs = headerOfs;
		this.#deflate = deflate;
	}

	/** Takes bytecode bytes; returns compressed blocks completed so far, in order. */
	async push(chunk: Uint8Array): Promise<Uint8Array[]> {
		let at = 0;
		while (at < chunk.length) {
			const n = Math.min(chunk.length - at, BLOCK_SIZE - this.#fill);
			this.#pending.set(chunk.subarray(at, at + n), this.#fill);
			this.#fill += n;
			at += n;
			if (this.#fill === BLOCK_SIZE) this.#start();
		}
		return this.#collect(IN_FLIGHT);
	}

	#start(): void {
		const block = this.#pending.subarray(0, this.#fill);
		this.#inFlight.push({ size: this.#fill, done: Promise.resolve(this.#deflate(block)) });
		this.#pending = new Uint8Array(BLOCK_SIZE);
		this.#fill = 0;
		this.#started++;
	}

	async #collect(keep: number): Promise<Uint8Array[]> {
		const out: Uint8Array[] = [];
		while (this.#inFlight.length > keep) {
			const { size, done } = this.#inFlight.shift()!;
			const compressed = await done;
			this.#blocks.push({ uncompressedSize: size, compressedSize: compressed.length });
			out.push(compressed);
		}
		return out;
	}

	/** Compresses what is left (one block even when empty, so a file always has data). */
	async end(): Promise<Uint8Array[]> {
		if (this.#fill > 0 || this.#started === 0) this.#start();
		return this.#collect(0);
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
