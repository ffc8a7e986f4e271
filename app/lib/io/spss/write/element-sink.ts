/**
 * Case data as 8-byte elements, either raw (compression 0) or bytecode-compressed (compression 1),
 * collected into ~1 MiB chunks so the caller can stream them out.
 */
import { SYSMIS } from './values';

const CHUNK = 1 << 20;
const SPACE = 0x20;
const BIAS = 100;

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

export class RawElements implements ElementSink {
	#buf = new Uint8Array(CHUNK);
	#view = new DataView(this.#buf.buffer);
	#pos = 0;
	#done: Uint8Array[] = [];

	#room(): void {
		if (this.#pos + 8 <= CHUNK) return;
		this.#done.push(this.#buf.subarray(0, this.#pos));
		this.#buf = new Uint8Array(CHUNK);
		this.#view = new DataView(this.#buf.buffer);
		this.#pos = 0;
	}

	number(v: number): void {
		this.#room();
		this.#view.setFloat64(this.#pos, v !== v ? SYSMIS : v, true);
		this.#pos += 8;
	}

	text(value: Uint8Array, len: number, offset: number, width: number): void {
		const end = Math.min(len, offset + width);
		for (let at = offset; at < offset + width; at += 8) {
			this.#room();
			const buf = this.#buf;
			const p = this.#pos;
			const n = Math.max(0, Math.min(8, end - at));
			if (n > 0) buf.set(value.subarray(at, at + n), p);
			buf.fill(SPACE, p + n, p + 8);
			this.#pos += 8;
		}
	}

	take(): Uint8Array[] {
		const out = this.#done;
		this.#done = [];
		return out;
	}

	finish(): Uint8Array[] {
		const out = this.take();
		if (this.#pos) out.push(this.#buf.subarray(0, this.#pos));
		this.#pos = 0;
		return out;
	}
}

/** Bytecode compression: groups of 8 command bytes, each group followed by its literal elements. */
export class BytecodeElements implements ElementSink {
	#buf = new Uint8Array(CHUNK);
	#view = new DataView(this.#buf.buffer);
	#pos = 0;
	#codeAt = 0;
	#codes = 8;
	#done: Uint8Array[] = [];

	/** Index of the next command byte; starts a group (and maybe a chunk) when the last one is full. */
	#slot(): number {
		if (this.#codes === 8) {
			// A whole group (8 codes + 8 literals) must fit, so a group never straddles chunks.
			if (this.#pos + 72 > CHUNK) {
				this.#done.push(this.#buf.subarray(0, this.#pos));
				this.#buf = new Uint8Array(CHUNK);
				this.#view = new DataView(this.#buf.buffer);
				this.#pos = 0;
			}
			this.#codeAt = this.#pos;
			this.#pos += 8;
			this.#codes = 0;
		}
		return this.#codeAt + this.#codes++;
	}

	number(v: number): void {
		const slot = this.#slot();
		if (v !== v) this.#buf[slot] = 255;
		else if (Number.isInteger(v) && v >= 1 - BIAS && v <= 251 - BIAS && !Object.is(v, -0)) this.#buf[slot] = v + BIAS;
		else {
			this.#buf[slot] = 253;
			this.#view.setFloat64(this.#pos, v, true);
			this.#pos += 8;
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
			if (blank) {
				this.#buf[slot] = 254;
				continue;
			}
			this.#buf[slot] = 253;
			const p = this.#pos;
			this.#buf.set(value.subarray(at, at + n), p);
			this.#buf.fill(SPACE, p + n, p + 8);
			this.#pos += 8;
		}
	}

	take(): Uint8Array[] {
		const out = this.#done;
		this.#done = [];
		return out;
	}

	/** Unused command bytes of the last group stay 0, which readers skip. */
	finish(): Uint8Array[] {
		const out = this.take();
		if (this.#pos) out.push(this.#buf.subarray(0, this.#pos));
		this.#pos = 0;
		this.#codes = 8;
		return out;
	}
}
