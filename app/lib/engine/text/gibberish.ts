import { CORPUS } from './corpus';
import { CLASSES, LETTER, classAt, isSpace, widthAt } from './chars';

const EDGE = 0x5f; // '_' marks the start and end of a word in letter pairs

// letter pairs of the corpus as a dense table over the code units it uses
const BIGRAMS = (() => {
	const words = CORPUS.toLowerCase()
		.split(/[^\p{L}]+/u)
		.filter(Boolean)
		.map((w) => `_${w}_`);
	const size = Math.max(EDGE, ...words.flatMap((t) => [...t].map((ch) => ch.charCodeAt(0)))) + 1;
	const seen = new Uint8Array(size * size);
	for (const t of words) for (let i = 0; i + 1 < t.length; i++) seen[t.charCodeAt(i) * size + t.charCodeAt(i + 1)] = 1;
	return { size, seen };
})();

const PAIR_SIZE = BIGRAMS.size;
const PAIRS = BIGRAMS.seen;
const knownPair = (a: number, b: number) => a < PAIR_SIZE && b < PAIR_SIZE && PAIRS[a * PAIR_SIZE + b] === 1;

const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'qwertzuiop', 'yxcvbnm', 'azertyuiop', 'qsdfghjklm', 'wxcvbn', '1234567890'];

// Each key's places on the rows above as bits: row r in word r >> 1, bits (r & 1) * 11 + column, so
// a shift by one column stays inside the row's 11 bits and lands on bit 10 (never a key) at the edge.
const WORDS_PER_KEY = (ROWS.length + 1) >> 1;
const KEYS = new Uint32Array(128 * WORDS_PER_KEY);
ROWS.forEach((row, r) => [...row].forEach((ch, c) => (KEYS[ch.charCodeAt(0) * WORDS_PER_KEY + (r >> 1)] |= 1 << ((r & 1) * 11 + c))));
const ON_KEYBOARD = Uint8Array.from({ length: 128 }, (_, u) =>
	KEYS.subarray(u * WORDS_PER_KEY, (u + 1) * WORDS_PER_KEY).some(Boolean) ? 1 : 0
);
// NEXT_KEY[a * 128 + b]: bit 1 when b is right of a on some row, bit 2 when left; most letter pairs are neither
const NEXT_KEY = new Uint8Array(128 * 128);
for (let a = 0; a < 128; a++)
	for (let b = 0; b < 128; b++)
		for (let w = 0; w < WORDS_PER_KEY; w++) {
			const ka = KEYS[a * WORDS_PER_KEY + w];
			const kb = KEYS[b * WORDS_PER_KEY + w];
			if (kb & (ka << 1)) NEXT_KEY[a * 128 + b] |= 1;
			if (kb & (ka >>> 1)) NEXT_KEY[a * 128 + b] |= 2;
		}

const VOWELS = new Set([...'aeiouyàáâäãåæèéêëìíîïòóôöõøùúûüýÿœ'].map((ch) => ch.charCodeAt(0)));
const IS_VOWEL = Uint8Array.from({ length: 0x154 }, (_, u) => (VOWELS.has(u) ? 1 : 0));

export interface Gibberish {
	/** 0..1; ≥ 0.7 reads as gibberish. */
	score: number;
	reason: string | null;
}

/** Character-level plausibility of one answer: rare letter pairs, keyboard runs, repeats, vowels. */
export function gibberishScore(text: string): Gibberish {
	const why: Gibberish = { score: 0, reason: null };
	why.score = gibberishOf(text.toLowerCase(), why);
	return why;
}

let letters = new Uint16Array(256);
let runs = new Int32Array(256);
let wordStart = new Int32Array(64);
let wordEnd = new Int32Array(64);

/**
 * The score of `gibberishScore` for an already lower-cased answer, in one pass over it and without
 * allocating; the reason is written into `why` only when one is asked for (it costs strings).
 */
export function gibberishOf(lower: string, why: Gibberish | null): number {
	const n = lower.length;
	if (letters.length < n) {
		letters = new Uint16Array(n * 2);
		runs = new Int32Array(n * 2);
	}
	if (wordStart.length < n) {
		wordStart = new Int32Array(n);
		wordEnd = new Int32Array(n);
	}
	const buf = letters;
	let compact = 0;
	let first = -1;
	let sameChar = true;
	let len = 0;
	let latin = false;
	let words = 0;
	let pairs = 0;
	let rare = 0;
	let start = -1;
	let prev = EDGE;
	let before = 128;
	let right = 0;
	let left = 0;
	let keyRuns = false;
	for (let i = 0; i <= n; i++) {
		const u = i < n ? lower.charCodeAt(i) : 0x20;
		const next = u < 128 && before < 128 ? NEXT_KEY[before * 128 + u] : 0;
		right = next & 1 ? right + 1 : 0;
		left = next & 2 ? left + 1 : 0;
		if (right >= 3 || left >= 3) keyRuns = true;
		before = u;
		if (i < n && (u > 32 ? u < 0xa0 || !isSpace(u) : u !== 32 && (u < 9 || u > 13))) {
			compact++;
			if (first < 0) first = u;
			else if (u !== first) sameChar = false;
		}
		const high = u >= 0xd800 && u <= 0xdbff;
		const letter = i < n && (high ? classAt(lower, i) : CLASSES[u]) === LETTER;
		if (letter) {
			if (start < 0) {
				start = i;
				prev = EDGE;
			}
			buf[len++] = u;
			if (!knownPair(prev, u)) rare++;
			prev = u;
			if ((u >= 0x61 && u <= 0x7a) || (u >= 0xe0 && u <= 0xff) || u === 0x153) latin = true;
		} else if (start >= 0) {
			pairs += i - start + 1;
			if (!knownPair(prev, EDGE)) rare++;
			if (i - start >= 3) {
				wordStart[words] = start;
				wordEnd[words++] = i;
			}
			start = -1;
		}
		if (high && widthAt(lower, i) === 2) {
			const low = lower.charCodeAt(++i);
			compact++;
			if (low !== first) sameChar = false;
			if (letter) {
				buf[len++] = low;
				rare++;
				prev = low;
			}
		}
	}
	if (compact >= 4 && sameChar) return explain(why, `one character repeated ${compact} times`);
	if (len < 3 || !latin) return 0;

	const unit = repeatedUnit(len);
	if (unit) return explain(why, `the same "${String.fromCharCode(...letters.subarray(0, unit))}" repeated`);
	const rep = longestRepeat(len);
	if (rep >= 4 && rep >= len * 0.5) return explain(why, `one letter repeated ${rep} times`);
	// a run of 4+ keys needs 3 neighbouring pairs in a row; without them no keyboard rule can fire
	if (!keyRuns) return letterPairScore(why, rare, pairs, len);
	let kb = 0;
	let kbAt = 0;
	for (let i = 0; i < n; i++) {
		runs[i] = keyboardRunAt(lower, i, n);
		if (runs[i] > kb) {
			kb = runs[i];
			kbAt = i;
		}
	}
	if (kb >= 5 || (kb >= 4 && kb >= len * 0.6)) return explain(why, `keyboard run "${lower.slice(kbAt, kbAt + kb)}"`);
	if (words > 1) {
		let covered = 0;
		for (let w = 0; w < words; w++) {
			let best = 0;
			// a run inside the word is the run from the same key cut at the word's end
			for (let i = wordStart[w]; i < wordEnd[w]; i++) best = Math.max(best, Math.min(runs[i], wordEnd[w] - i));
			if (best >= 4) covered += best;
		}
		if (covered >= len * 0.6) return explain(why, `keyboard runs "${wordRuns(lower).join('", "')}"`);
	}
	return letterPairScore(why, rare, pairs, len);
}

function letterPairScore(why: Gibberish | null, rare: number, pairs: number, len: number): number {
	const rareShare = pairs ? rare / pairs : 0;
	let vowels = 0;
	for (let i = 0; i < len; i++) if (letters[i] < IS_VOWEL.length && IS_VOWEL[letters[i]] === 1) vowels++;
	const vr = vowels / len;
	let score = len >= 4 ? Math.min(1, Math.max(0, (rareShare - 0.12) / 0.25)) : 0;
	let reason = score >= 0.7 ? `${Math.round(rareShare * 100)} % implausible letter pairs` : null;
	if (len >= 5 && (vr < 0.12 || vr > 0.9) && score < 0.8) {
		score = Math.max(score, 0.8);
		reason = `${Math.round(vr * 100)} % vowels`;
	}
	if (why) why.reason = reason;
	return score;
}

function explain(why: Gibberish | null, reason: string): number {
	if (why) why.reason = reason;
	return 1;
}

/** Length of the unit (1–4 letters) the whole of `letters` repeats, or 0. */
function repeatedUnit(len: number): number {
	if (len < 6) return 0;
	for (let u = 1; u <= 4; u++) {
		if (len < u * 3) break;
		let ok = true;
		for (let i = u; i < len && ok; i++) ok = letters[i] === letters[i % u];
		if (ok) return u;
	}
	return 0;
}

function longestRepeat(len: number): number {
	let best = 0;
	let r = 0;
	for (let i = 0; i < len; i++) {
		r = i > 0 && letters[i] === letters[i - 1] ? r + 1 : 1;
		if (r > best) best = r;
	}
	return best;
}

/** Longest run of keys next to each other on one keyboard row, in one direction. */
export function keyboardRun(s: string): string {
	let best = 0;
	let at = 0;
	for (let i = 0; i < s.length; i++) {
		const r = keyboardRunAt(s, i, s.length);
		if (r > best) {
			best = r;
			at = i;
		}
	}
	return s.slice(at, at + best);
}

/** Length of the longest keyboard run starting at s[i] (either direction, not past `to`); 0 off the keyboard. */
function keyboardRunAt(s: string, i: number, to: number): number {
	const u = s.charCodeAt(i);
	if (u >= 128 || !ON_KEYBOARD[u]) return 0;
	const v = i + 1 < to ? s.charCodeAt(i + 1) : 128;
	if (v >= 128 || !NEXT_KEY[u * 128 + v]) return 1;
	let best = 0;
	for (let dir = 1; dir >= -1; dir -= 2) {
		let j = i;
		let c0 = KEYS[u * WORDS_PER_KEY];
		let c1 = KEYS[u * WORDS_PER_KEY + 1];
		let c2 = KEYS[u * WORDS_PER_KEY + 2];
		let c3 = KEYS[u * WORDS_PER_KEY + 3];
		let c4 = KEYS[u * WORDS_PER_KEY + 4];
		while (j + 1 < to) {
			const v = s.charCodeAt(j + 1);
			if (v >= 128 || !ON_KEYBOARD[v]) break;
			const k = v * WORDS_PER_KEY;
			const m0 = KEYS[k] & (dir === 1 ? c0 << 1 : c0 >>> 1);
			const m1 = KEYS[k + 1] & (dir === 1 ? c1 << 1 : c1 >>> 1);
			const m2 = KEYS[k + 2] & (dir === 1 ? c2 << 1 : c2 >>> 1);
			const m3 = KEYS[k + 3] & (dir === 1 ? c3 << 1 : c3 >>> 1);
			const m4 = KEYS[k + 4] & (dir === 1 ? c4 << 1 : c4 >>> 1);
			if (!(m0 | m1 | m2 | m3 | m4)) break;
			c0 = m0;
			c1 = m1;
			c2 = m2;
			c3 = m3;
			c4 = m4;
			j++;
		}
		best = Math.max(best, j - i + 1);
	}
	return best;
}

/** The keyboard runs of 4+ keys in the words of 3+ letters, for the reason text. */
function wordRuns(lower: string): string[] {
	return lower
		.split(/[^\p{L}]+/u)
		.filter((w) => w.length >= 3)
		.map(keyboardRun)
		.filter((r) => r.length >= 4);
}
