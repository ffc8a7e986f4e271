/** Little-endian byte accumulator for the dictionary part of a system file (small, built once). */
export class ByteBuilder {
	#buf = new Uint8Array(4096);
	#view = new DataView(this.#buf.buffer);
	#len = 0;

	get length(): number {
		return this.#len;
	}

	#reserve(n: number): void {
		if (this.#len + n <= this.#buf.length) return;
		let cap = this.#buf.length * 2;
		while (cap < this.#len + n) cap *= 2;
		const next = new Uint8Array(cap);
		next.set(this.#buf.subarray(0, this.#len));
		this.#buf = next;
		this.#view = new DataView(next.buffer);
	}

	int32(v: number): this {
		this.#reserve(4);
		this.#view.setInt32(this.#len, v, true);
		this.#len += 4;
		return this;
	}

	int64(v: number): this {
		this.#reserve(8);
		this.#view.setBigInt64(this.#len, BigInt(v), true);
		this.#len += 8;
		return this;
	}

	float64(v: number): this {
		this.#reserve(8);
		this.#view.setFloat64(this.#len, v, true);
		this.#len += 8;
		return this;
	}

	byte(v: number): this {
		this.#reserve(1);
		this.#buf[this.#len++] = v;
		return this;
	}

	bytes(b: Uint8Array): this {
		this.#reserve(b.length);
		this.#buf.set(b, this.#len);
		this.#len += b.length;
		return this;
	}

	/** `b` cut or padded with `pad` to exactly `n` bytes. */
	fixed(b: Uint8Array, n: number, pad = 0x20): this {
		this.#reserve(n);
		const k = Math.min(n, b.length);
		this.#buf.set(b.subarray(0, k), this.#len);
		this.#buf.fill(pad, this.#len + k, this.#len + n);
		this.#len += n;
		return this;
	}

	/** Patches an int32 written earlier. */
	setInt32(at: number, v: number): void {
		this.#view.setInt32(at, v, true);
	}

	finish(): Uint8Array {
		return this.#buf.slice(0, this.#len);
	}
}
