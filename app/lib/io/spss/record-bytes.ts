/** Bounds-checked reads inside one extension record's data; running off the end throws RecordEnd. */

export class RecordEnd extends Error {}

export class RecordBytes {
	pos = 0;
	readonly #view: DataView;

	constructor(
		readonly data: Uint8Array,
		readonly littleEndian: boolean
	) {
		this.#view = new DataView(data.buffer, data.byteOffset, data.byteLength);
	}

	get done(): boolean {
		return this.pos >= this.data.length;
	}

	#need(n: number): void {
		if (n < 0 || this.pos + n > this.data.length) throw new RecordEnd();
	}

	int32(): number {
		this.#need(4);
		const v = this.#view.getInt32(this.pos, this.littleEndian);
		this.pos += 4;
		return v;
	}

	float64(): number {
		this.#need(8);
		const v = this.#view.getFloat64(this.pos, this.littleEndian);
		this.pos += 8;
		return v;
	}

	int64(): number {
		this.#need(8);
		const v = Number(this.#view.getBigInt64(this.pos, this.littleEndian));
		this.pos += 8;
		return v;
	}

	uint8(): number {
		this.#need(1);
		return this.data[this.pos++];
	}

	bytes(n: number): Uint8Array {
		this.#need(n);
		const b = this.data.subarray(this.pos, this.pos + n);
		this.pos += n;
		return b;
	}
}

/** Splits bytes on a separator byte, dropping empty pieces. */
export function splitBytes(data: Uint8Array, sep: number): Uint8Array[] {
	const out: Uint8Array[] = [];
	let start = 0;
	for (let i = 0; i <= data.length; i++) {
		if (i === data.length || data[i] === sep) {
			if (i > start) out.push(data.subarray(start, i));
			start = i + 1;
		}
	}
	return out;
}
