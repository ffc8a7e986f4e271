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

	// The two loops below are the hot path: state lives in locals and per-slot work is inlined.
	#plain(input: Uint8Array): number {
		const dv = new DataView(input.buffer, input.byteOffset, input.byteLength);
		const { slotKind, slotTarget, slotsPerCase, stringRowBytes } = this.layout;
		const { sysmis, littleEndian, batchRows } = this.opts;
		const numeric = this.#numeric;
		const strings = this.#strings;
		let rows = this.#rows;
		let slot = this.#slot;
		let p = 0;
		while (p + 8 <= input.length && rows < batchRows) {
			const target = slotTarget[slot];
			if (slotKind[slot] === SLOT_STRING) {
				const at = rows * stringRowBytes + target;
				for (let k = 0; k < 8; k++) strings[at + k] = input[p + k];
			} else {
				const v = dv.getFloat64(p, littleEndian);
				numeric[target][rows] = v === sysmis || v === -DBL_MAX ? NaN : v;
			}
			p += 8;
			if (++slot === slotsPerCase) {
				slot = 0;
				rows++;
			}
		}
		this.#rows = rows;
		this.#slot = slot;
		return p;
	}

	#bytecode(input: Uint8Array): number {
		const dv = new DataView(input.buffer, input.byteOffset, input.byteLength);
		const { slotKind, slotTarget, slotsPerCase, stringRowBytes } = this.layout;
		const { bias, sysmis, littleEndian, batchRows } = this.opts;
		const numeric = this.#numeric;
		const strings = this.#strings;
		const cmd = this.#cmd;
		let cmdPos = this.#cmdPos;
		let rows = this.#rows;
		let slot = this.#slot;
		let p = 0;
		while (rows < batchRows) {
			if (cmdPos === 8) {
				if (p + 8 > input.length) break;
				for (let k = 0; k < 8; k++) cmd[k] = input[p + k];
				cmdPos = 0;
				p += 8;
			}
			const code = cmd[cmdPos];
			if (code === 0) {
				cmdPos++;
				continue;
			}
			if (code === 252) {
				this.ended = true;
				cmdPos = 8;
				break;
			}
			if (code === 253 && p + 8 > input.length) break;
			const target = slotTarget[slot];
			if (slotKind[slot] === SLOT_STRING) {
				const at = rows * stringRowBytes + target;
				if (code === 253) {
					for (let k = 0; k < 8; k++) strings[at + k] = input[p + k];
					p += 8;
				} else {
					// 254 is eight blanks; a number code in a string slot is corrupt data, read as blanks too.
					for (let k = 0; k < 8; k++) strings[at + k] = 0x20;
				}
			} else if (code === 253) {
				const v = dv.getFloat64(p, littleEndian);
				numeric[target][rows] = v === sysmis || v === -DBL_MAX ? NaN : v;
				p += 8;
			} else numeric[target][rows] = code === 255 || code === 254 ? NaN : code - bias;
			cmdPos++;
			if (++slot === slotsPerCase) {
				slot = 0;
				rows++;
			}
		}
		this.#cmdPos = cmdPos;
		this.#rows = rows;
		this.#slot = slot;
		return p;
	}
}
