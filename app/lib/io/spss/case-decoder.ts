/**
 * Decodes the case stream (uncompressed 8-byte slots, or bytecode-compressed) into column batches.
 * Input arrives in arbitrary chunks; a command block or value cut by a chunk edge is carried over.
 */
import { SLOT_STRING, type CaseLayout } from './case-layout';

const DBL_MAX = Number.MAX_VALUE;

export interface RawBatch {
	rows: number;
	numeric: Float64Array[];
	strings: Uint8Array;
}

export interface DecoderOptions {
	compressed: boolean;
	bias: number;
	sysmis: number;
	littleEndian: boolean;
	batchRows: number;
}

export class CaseDecoder {
	#numeric: Float64Array[] = [];
	#strings = new Uint8Array(0);
	#rows = 0;
	#slot = 0;
	#cmd = new Uint8Array(8);
	#cmdPos = 8;
	#carry = new Uint8Array(0);
	/** Bytecode 252 (end of data) was seen. */
	ended = false;

	constructor(
		readonly layout: CaseLayout,
		readonly opts: DecoderOptions
	) {
		this.#fresh();
	}

	/** Whether a case has been started but not finished. */
	get partial(): boolean {
		return this.#slot !== 0 || this.#carry.length !== 0;
	}

	get rows(): number {
		return this.#rows;
	}

	get full(): boolean {
		return this.#rows >= this.opts.batchRows;
	}

	/**
	 * Consumes input until it is used up, the batch is full or the data ends; returns the unconsumed rest.
	 * A layout with no slots never produces a row.
	 */
	feed(input: Uint8Array): Uint8Array {
		if (this.#carry.length) {
			const joined = new Uint8Array(this.#carry.length + input.length);
			joined.set(this.#carry);
			joined.set(input, this.#carry.length);
			input = joined;
			this.#carry = new Uint8Array(0);
		}
		if (this.layout.slotsPerCase === 0) return new Uint8Array(0);
		const pos = this.opts.compressed ? this.#bytecode(input) : this.#plain(input);
		const rest = input.subarray(pos);
		if (!this.full && !this.ended && rest.length) {
			this.#carry = rest.slice();
			return new Uint8Array(0);
		}
		return rest;
	}

	take(): RawBatch {
		const batch = { rows: this.#rows, numeric: this.#numeric, strings: this.#strings };
		this.#fresh();
		return batch;
	}

	#fresh(): void {
		const n = this.opts.batchRows;
		this.#numeric = Array.from({ length: this.layout.numericCount }, () => new Float64Array(n));
		this.#strings = new Uint8Array(n * this.layout.stringRowBytes);
		this.#rows = 0;
	}

	#plain(input: Uint8Array): number {
		const dv = new DataView(input.buffer, input.byteOffset, input.byteLength);
		let p = 0;
		while (p + 8 <= input.length && !this.full) {
			this.#raw(input, dv, p);
			p += 8;
		}
		return p;
	}

	#bytecode(input: Uint8Array): number {
		const dv = new DataView(input.buffer, input.byteOffset, input.byteLength);
		const { bias } = this.opts;
		let p = 0;
		while (!this.full) {
			if (this.#cmdPos === 8) {
				if (p + 8 > input.length) break;
				this.#cmd.set(input.subarray(p, p + 8));
				this.#cmdPos = 0;
				p += 8;
			}
			const code = this.#cmd[this.#cmdPos];
			if (code === 0) {
				this.#cmdPos++;
				continue;
			}
			if (code === 252) {
				this.ended = true;
				this.#cmdPos = 8;
				break;
			}
			if (code === 253) {
				if (p + 8 > input.length) break;
				this.#raw(input, dv, p);
				p += 8;
			} else if (code === 254) this.#spaces();
			else if (code === 255) this.#number(NaN);
			else this.#number(code - bias);
			this.#cmdPos++;
		}
		return p;
	}

	#raw(input: Uint8Array, dv: DataView, p: number): void {
		const slot = this.#slot;
		const target = this.layout.slotTarget[slot];
		if (this.layout.slotKind[slot] === SLOT_STRING) {
			this.#strings.set(input.subarray(p, p + 8), this.#rows * this.layout.stringRowBytes + target);
		} else {
			const v = dv.getFloat64(p, this.opts.littleEndian);
			this.#numeric[target][this.#rows] = v === this.opts.sysmis || v === -DBL_MAX ? NaN : v;
		}
		this.#next();
	}

	#number(v: number): void {
		const slot = this.#slot;
		if (this.layout.slotKind[slot] === SLOT_STRING) {
			// A number code in a string slot is corrupt data; blanks are the harmless reading.
			this.#strings.fill(0x20, this.#rows * this.layout.stringRowBytes + this.layout.slotTarget[slot], this.#rows * this.layout.stringRowBytes + this.layout.slotTarget[slot] + 8);
		} else this.#numeric[this.layout.slotTarget[slot]][this.#rows] = v;
		this.#next();
	}

	#spaces(): void {
		const slot = this.#slot;
		if (this.layout.slotKind[slot] === SLOT_STRING) {
			const at = this.#rows * this.layout.stringRowBytes + this.layout.slotTarget[slot];
			this.#strings.fill(0x20, at, at + 8);
		} else this.#numeric[this.layout.slotTarget[slot]][this.#rows] = NaN;
		this.#next();
	}

	#next(): void {
		if (++this.#slot === this.layout.slotsPerCase) {
			this.#slot = 0;
			this.#rows++;
		}
	}
}
