/**
 * The character stream of a portable file: lines joined (CR/LF dropped, short lines padded to 80
 * columns with spaces) and translated to ASCII, read from a ByteSource one chunk at a time.
 * Field readers run synchronously on the buffer and throw NEED_MORE when they reach its end;
 * `attempt` then rewinds, loads the next chunk and tries again.
 */
import type { ByteSource } from '../../byte-source';
import { SpssError } from '../spss-error';

export const NEED_MORE = Symbol('need more input');
const LINE = 80;
const CHUNK = 1 << 20;

export class PorText {
	buf = new Uint8Array(0);
	pos = 0;
	eof = false;
	readonly #source: ByteSource;
	#len = 0;
	/** Characters dropped from the front of `buf` so far, for positions in messages. */
	#base = 0;
	#rawPos = 0;
	#col = 0;
	#map: Uint8Array | null = null;
	#space = 0x20;

	constructor(source: ByteSource) {
		this.#source = source;
	}

	get len(): number {
		return this.#len;
	}

	get bytesRead(): number {
		return this.#rawPos;
	}

	/** Line and column of the current position, counted in the joined 80-column text. */
	where(pos = this.pos): string {
		const at = this.#base + pos;
		return `line ${Math.floor(at / LINE) + 1}, column ${(at % LINE) + 1}`;
	}

	fail(reason: string): never {
		throw new SpssError(this.#source.name, reason);
	}

	/** Translates everything after `from` and all later input through `map`. */
	translate(map: Uint8Array, from: number, space: number): void {
		for (let i = from; i < this.#len; i++) this.buf[i] = map[this.buf[i]];
		this.#map = map;
		this.#space = space;
	}

	/** Appends the next chunk; false at the end of the file. Keeps everything from `pos` on. */
	async more(): Promise<boolean> {
		if (this.#rawPos >= this.#source.size) {
			this.eof = true;
			return false;
		}
		const raw = await this.#source.read(this.#rawPos, CHUNK);
		if (raw.length === 0) {
			this.eof = true;
			return false;
		}
		this.#rawPos += raw.length;
		const keep = this.#len - this.pos;
		let newlines = 0;
		for (let i = 0; i < raw.length; i++) if (raw[i] === 0x0a) newlines++;
		const next = new Uint8Array(keep + raw.length + newlines * LINE);
		next.set(this.buf.subarray(this.pos, this.#len));
		this.#base += this.pos;
		let n = keep;
		let col = this.#col;
		const map = this.#map;
		for (let i = 0; i < raw.length; i++) {
			const b = raw[i];
			if (b === 0x0d) continue;
			if (b === 0x0a) {
				for (; col < LINE; col++) next[n++] = map ? map[this.#space] : this.#space;
				col = 0;
				continue;
			}
			next[n++] = map ? map[b] : b;
			col++;
		}
		this.#col = col;
		this.buf = next;
		this.#len = n;
		this.pos = 0;
		return true;
	}

	/** Runs `read` until it has enough input; rewinds between tries. */
	async attempt<T>(read: () => T): Promise<T> {
		for (;;) {
			const start = this.pos;
			try {
				return read();
			} catch (e) {
				if (e !== NEED_MORE) throw e;
				this.pos = start;
				if (!(await this.more())) this.fail(`truncated at byte ${this.#source.size} (${this.where(this.#len)})`);
			}
		}
	}

	/** The byte at `pos`, or NEED_MORE / a truncation error past the end. */
	peek(): number {
		if (this.pos < this.#len) return this.buf[this.pos];
		if (this.eof) this.fail(`truncated at byte ${this.#source.size} (${this.where()})`);
		throw NEED_MORE;
	}
}
