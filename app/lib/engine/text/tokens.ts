import { CLASSES, classAt, widthAt } from './chars';

/**
 * The words of a normalised answer (`normaliseAnswer`: lower case, apostrophes dropped, runs of
 * letters and digits) as UTF-16 units in reusable buffers, so scanning millions of answers
 * allocates nothing per answer.
 */
export interface Tokens {
	units: Uint16Array;
	start: Int32Array;
	end: Int32Array;
	count: number;
}

export const createTokens = (): Tokens => ({ units: new Uint16Array(256), start: new Int32Array(64), end: new Int32Array(64), count: 0 });

/** Splits `lower` (already lower-cased) into `out`. */
export function tokenize(lower: string, out: Tokens): void {
	const n = lower.length;
	if (out.units.length < n) out.units = new Uint16Array(n * 2);
	if (out.start.length < n) {
		out.start = new Int32Array(n * 2);
		out.end = new Int32Array(n * 2);
	}
	const { units, start, end } = out;
	let len = 0;
	let count = 0;
	let inToken = false;
	for (let i = 0; i < n; i++) {
		const u = lower.charCodeAt(i);
		if (u === 0x27 || u === 0x2019) continue;
		const surrogate = u >= 0xd800 && u <= 0xdbff;
		if (surrogate ? classAt(lower, i) : CLASSES[u]) {
			if (!inToken) {
				start[count++] = len;
				inToken = true;
			}
			units[len++] = u;
			if (surrogate && widthAt(lower, i) === 2) units[len++] = lower.charCodeAt(++i);
			end[count - 1] = len;
		} else {
			inToken = false;
			if (surrogate && widthAt(lower, i) === 2) i++;
		}
	}
	out.count = count;
}

/** The normalised answer as a string: its tokens joined by single spaces. */
export function tokensText(t: Tokens): string {
	let s = '';
	for (let k = 0; k < t.count; k++) {
		if (k) s += ' ';
		for (let i = t.start[k]; i < t.end[k]; i++) s += String.fromCharCode(t.units[i]);
	}
	return s;
}

/** Length of `tokensText(t)` without building it. */
export function tokensLength(t: Tokens): number {
	let n = t.count ? t.count - 1 : 0;
	for (let k = 0; k < t.count; k++) n += t.end[k] - t.start[k];
	return n;
}
