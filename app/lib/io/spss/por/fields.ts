/**
 * The three field kinds of a portable file (PSPP manual, "Portable File Structure"): numbers in
 * base 30 ("1A.F+2/", "*." for system-missing), integers, and length-prefixed strings.
 * All readers are synchronous over PorText and throw NEED_MORE at the end of the buffer.
 */
import { NEED_MORE, type PorText } from './por-text';

const SLASH = 0x2f;
const SPACE = 0x20;
const MAX_STRING = 65535;
/** 30^k is exact in a double while 15^k < 2^53. */
const POW30 = Array.from({ length: 14 }, (_, k) => 30 ** k);

function digit(c: number): number {
	if (c >= 0x30 && c <= 0x39) return c - 0x30;
	if (c >= 0x41 && c <= 0x54) return c - 0x41 + 10;
	return -1;
}

function pow30(k: number): number {
	return k < POW30.length ? POW30[k] : 30 ** k;
}

function next(t: PorText): number {
	if (t.pos < t.len) return t.buf[t.pos];
	if (t.eof) t.fail(`truncated at ${t.where()}`);
	throw NEED_MORE;
}

/** A floating-point field; NaN for system-missing. */
export function readNumber(t: PorText): number {
	while (next(t) === SPACE) t.pos++;
	const start = t.pos;
	if (next(t) === 0x2a) {
		t.pos++;
		next(t);
		t.pos++;
		return NaN;
	}
	let negative = false;
	if (next(t) === 0x2d) {
		negative = true;
		t.pos++;
	}
	let digits = 0;
	let mantissa = 0;
	let big: bigint | null = null;
	let scale = 0;
	let fraction = false;
	for (;;) {
		const c = next(t);
		const d = digit(c);
		if (d >= 0) {
			// Past 2^53 / 30 the mantissa continues exactly as a BigInt.
			if (big === null && mantissa < 3e14) mantissa = mantissa * 30 + d;
			else big = (big ?? BigInt(mantissa)) * 30n + BigInt(d);
			digits++;
			if (fraction) scale--;
			t.pos++;
		} else if (c === 0x2e && !fraction) {
			fraction = true;
			t.pos++;
		} else break;
	}
	if (digits === 0) t.fail(`malformed number at ${t.where(start)}`);
	let c = next(t);
	if (c === 0x2b || c === 0x2d) {
		const sign = c === 0x2d ? -1 : 1;
		t.pos++;
		let exp = 0;
		let n = 0;
		for (let d = digit(next(t)); d >= 0; d = digit(next(t))) {
			exp = exp * 30 + d;
			n++;
			t.pos++;
		}
		if (n === 0) t.fail(`malformed exponent at ${t.where(start)}`);
		scale += sign * exp;
		c = next(t);
	}
	if (c !== SLASH) t.fail(`malformed number at ${t.where(start)}`);
	t.pos++;
	const m = big === null ? mantissa : Number(big);
	// HIGHEST written in base 30 can round just past DBL_MAX; it means DBL_MAX.
	const value = Math.min(scale >= 0 ? m * pow30(scale) : m / pow30(-scale), Number.MAX_VALUE);
	return negative ? -value : value;
}

export function readInt(t: PorText): number {
	const start = t.pos;
	const v = readNumber(t);
	if (!Number.isInteger(v)) t.fail(`expected an integer at ${t.where(start)}`);
	return v;
}

/** A string field's raw (ASCII-translated) bytes. */
export function readStringBytes(t: PorText): Uint8Array {
	const start = t.pos;
	const n = readInt(t);
	if (n < 0 || n > MAX_STRING) t.fail(`bad string length ${n} at ${t.where(start)}`);
	if (t.pos + n > t.len) {
		if (t.eof) t.fail(`truncated at ${t.where(t.len)}`);
		throw NEED_MORE;
	}
	const bytes = t.buf.subarray(t.pos, t.pos + n);
	t.pos += n;
	return bytes;
}

/** A one-character record tag. */
export function readTag(t: PorText): string {
	const c = next(t);
	t.pos++;
	return String.fromCharCode(c);
}
