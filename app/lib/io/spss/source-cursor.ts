/**
 * Sequential reads of a ByteSource through a bounded window, with the file's byte order.
 * Every read is checked against the file size so corrupt lengths fail as "truncated", never allocate.
 */
import type { ByteSource } from '../byte-source';
import { SpssError } from './spss-error';

const WINDOW = 1 << 20;

export class SourceCursor {
	#buf: Uint8Array = new Uint8Array(0);
	#bufStart = 0;
	#view: DataView = new DataView(new ArrayBuffer(0));
	pos = 0;
	littleEndian = true;

	constructor(readonly source: ByteSource) {}

	get size(): number {
		return this.source.size;
	}

	get remaining(): number {
		return this.size - this.pos;
	}

	fail(reason: string): never {
		throw new SpssError(this.source.name, reason);
	}

	truncated(): never {
		this.fail(`truncated at byte ${this.size}`);
	}

	async #ensure(n: number): Promise<number> {
		if (this.pos + n > this.size) this.truncated();
		const rel = this.pos - this.#bufStart;
		if (rel >= 0 && rel + n <= this.#buf.length) return rel;
		const len = Math.min(Math.max(n, WINDOW), this.size - this.pos);
		const bytes = await this.source.read(this.pos, len);
		if (bytes.length < n) this.fail(`truncated at byte ${this.pos + bytes.length}`);
		this.#buf = bytes;
		this.#bufStart = this.pos;
		this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
		return 0;
	}

	async bytes(n: number): Promise<Uint8Array> {
		if (n < 0) this.fail(`malformed record at byte ${this.pos}: negative length ${n}`);
		const rel = await this.#ensure(n);
		this.pos += n;
		return this.#buf.slice(rel, rel + n);
	}

	async skip(n: number): Promise<void> {
		if (n < 0 || this.pos + n > this.size) this.truncated();
		this.pos += n;
	}

	async int32(): Promise<number> {
		const rel = await this.#ensure(4);
		this.pos += 4;
		return this.#view.getInt32(rel, this.littleEndian);
	}

	async float64(): Promise<number> {
		const rel = await this.#ensure(8);
		this.pos += 8;
		return this.#view.getFloat64(rel, this.littleEndian);
	}

	async int64(): Promise<number> {
		const rel = await this.#ensure(8);
		this.pos += 8;
		return Number(this.#view.getBigInt64(rel, this.littleEndian));
	}

	async uint8(): Promise<number> {
		const rel = await this.#ensure(1);
		this.pos += 1;
		return this.#buf[rel];
	}
}
