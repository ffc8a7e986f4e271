/**
 * Case data as 8-byte elements, either raw (compression 0) or bytecode-compressed (compression 1),
 * collected into ~1 MiB chunks so the caller can stream them out. Elements always start at a
 * multiple of 8 within a chunk, so numbers go through a Float64Array view of the chunk.
 */
import { SYSMIS } from './values';

const CHUNK = 1 << 20;
const SPACE = 0x20;
const BIAS = 100;
const LITTLE_ENDIAN = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;

export interface ElementSink {
	/** NaN is system-missing. */
	number(v: number): void;
	/**
	 * One string segment: `width` bytes of `value` from `offset`, where bytes at or beyond `len` and
	 * beyond the segment are blanks, written as ceil(width / 8) elements.
	 */
	text(value: Uint8Array, len: number, offset: number, width: number): void;
	/** Completed chunks since the last call. */
	take(): Uint8Array[];
	/** Completes the stream and returns the remaining chunks. */
	finish(): Uint8Array[];
}

abstract class ChunkedElements {
	protected buf = new Uint8Array(CHUNK);
	protected f64 = new Float64Array(this.buf.buffer);
	protected view = new DataView(this.buf.buffer);
	protected pos = 0;
	#done: Uint8Array[] = [];

	protected newChunk(): void {
		this.#done.push(this.buf.subarray(0, this.pos));
		this.buf = new Uint8Array(CHUNK);
		this.f64 = new Float64Array(this.buf.buffer);
		this.view = new DataView(this.buf.buffer);
		this.pos = 0;
	}

	protected putFloat(v: number): void {
		if (LITTLE_ENDIAN) this.f64[this.pos >> 3] = v;
		else this.view.setFloat64(this.pos, v, true);
		this.pos += 8;
	}

	/** Copies value[at, at+n) then blanks to fill one element at `pos`. */
	protected putText(value: Uint8Array, at: number, n: number): void {
		const buf = this.buf;
		const p = this.pos;
		let i = 0;
		for (; i < n; i++) buf[p + i] = value[at + i];
		for (; i < 8; i++) buf[p + i] = SPACE;
		this.pos += 8;
	}

	take(): Uint8Array[] {
		const out = this.#done;
		this.#done = [];
		return out;
	}

	finish(): Uint8Array[] {
		const out = this.take();
		if (this.pos) out.push(this.buf.subarray(0, this.pos));
		this.buf = new Uint8Array(CHUNK);
		this.f64 = new Float64Array(this.buf.buffer);
		this.view = new DataView(this.buf.buffer);
		this.pos = 0;
		this.reset();
		return out;
	}

	protected reset(): void {}
}

export class RawElements extends ChunkedElements implements ElementSink {
	number(v: number): void {
		if (this.pos + 8 > CHUNK) this.newChunk();
		this.putFloat(v !== v ? SYSMIS : v);
	}

	text(value: Uint8Array, len: number, offset: number, width: number): void {
		const end = Math.min(len, offset + width);
		for (let at = offset; at < offset + width; at += 8) {
			if (this.pos + 8 > CHUNK) this.newChunk();
			this.putText(value, at, Math.max(0, Math.min(8, end - at)));
		}
	}
}

/** Bytecode compression: groups of 8 command bytes, each group followed by its literal elements. */
export class BytecodeElements extends ChunkedElements implements ElementSink {
	#codeAt = 0;
	#codes = 8;

	/** Index of the next command byte; starts a group (and maybe a chunk) when the last one is full. */
	#slot(): number {
		if (this.#codes === 8) {
			// A whole group (8 codes + 8 literals) must fit, so a group never straddles chunks.
			if (this.pos + 72 > CHUNK) this.newChunk();
			this.#codeAt = this.pos;
			this.pos += 8;
			this.#codes = 0;
		}
		return this.#codeAt + this.#codes++;
	}

	number(v: number): void {
		const slot = this.#slot();
		// Test v itself, not v + BIAS: a tiny v like 5e-324 vanishes in the sum.
		if (v !== v) this.buf[slot] = 255;
		else if (v >= 1 - BIAS && v <= 251 - BIAS && Math.floor(v) === v && (v !== 0 || 1 / v > 0)) this.buf[slot] = v + BIAS;
		else {
			this.buf[slot] = 253;
			this.putFloat(v);
		}
	}

	text(value: Uint8Array, len: number, offset: number, width: number): void {
		const end = Math.min(len, offset + width);
		for (let at = offset; at < offset + width; at += 8) {
			const slot = this.#slot();
			const n = Math.max(0, Math.min(8, end - at));
			let blank = true;
			for (let i = 0; i < n; i++) {
				if (value[at + i] !== SPACE) {
					blank = false;
					break;
				}
			}
			if (blank) this.buf[slot] = 254;
			else {
				this.buf[slot] = 253;
				this.putText(value, at, n);
			}
		}
	}

	/** Unused command bytes of the last group stay 0, which readers skip. */
	protected override reset(): void {
		this.#codes = 8;
	}
}
