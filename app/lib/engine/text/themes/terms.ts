import { isNonAnswerTokens } from '../non-answers';
import { createTokens, tokenize } from '../tokens';

const scratch = createTokens();
const WORD_SEED = 0x811c9dc5;
const GRAM_SEED = 0x9e3779b9;
const NONE: ReadonlySet<number> = new Set();

/** FNV-1a of UTF-16 units: terms are compared as numbers, so no string is made per answer. */
function hashUnits(units: Uint16Array, from: number, to: number, seed: number): number {
	let h = seed;
	for (let i = from; i < to; i++) h = Math.imul(h ^ units[i], 0x01000193);
	return h | 0;
}

/** A stop word's hash, as `walkTerms` computes it for the same word in an answer. */
export function termHash(word: string): number {
	return hashUnits(
		Uint16Array.from(word, (c) => c.charCodeAt(0)),
		0,
		word.length,
		WORD_SEED
	);
}

// scripts written without spaces between words: their runs are cut into character pairs
// (Thai, Lao, Myanmar, Khmer, kana, CJK ideographs)
const unspaced = (u: number) =>
	(u >= 0x0e00 && u <= 0x0eff) ||
	(u >= 0x1000 && u <= 0x109f) ||
	(u >= 0x1780 && u <= 0x17ff) ||
	(u >= 0x3040 && u <= 0x30ff) ||
	(u >= 0x3400 && u <= 0x9fff) ||
	(u >= 0xf900 && u <= 0xfaff);

function allDigits(units: Uint16Array, from: number, to: number): boolean {
	for (let i = from; i < to; i++) if (units[i] < 0x30 || units[i] > 0x39) return false;
	return true;
}

/**
 * Calls `term(units, from, to, hash, word)` for each term of an answer: its lower-cased words of
 * two characters or more, numbers and `stop` words (hashes) left out; in Chinese, Japanese, Thai
 * and the like, overlapping character pairs (`word` false). A non-answer ("n/a", "keine Ahnung")
 * has no terms.
 */
export function walkTerms(
	text: string,
	stop: ReadonlySet<number>,
	term: (units: Uint16Array, from: number, to: number, hash: number, word: boolean) => void
): void {
	tokenize(text.toLowerCase(), scratch);
	if (isNonAnswerTokens(scratch)) return;
	const { units, start, end } = scratch;
	for (let k = 0; k < scratch.count; k++) {
		const s = start[k];
		const e = end[k];
		if (allDigits(units, s, e)) continue;
		if (unspaced(units[s])) {
			if (e - s === 1) term(units, s, e, hashUnits(units, s, e, WORD_SEED), false);
			for (let i = s; i + 2 <= e; i++) term(units, i, i + 2, hashUnits(units, i, i + 2, WORD_SEED), false);
			continue;
		}
		if (e - s < 2) continue;
		const h = hashUnits(units, s, e, WORD_SEED);
		if (!stop.has(h)) term(units, s, e, h, true);
	}
}

/** An answer's terms as strings (for naming themes). */
export function themeTerms(text: string, stop: ReadonlySet<number> = NONE): string[] {
	const out: string[] = [];
	walkTerms(text, stop, (units, from, to) => out.push(String.fromCharCode(...units.subarray(from, to))));
	return out;
}

/**
 * What answers are compared on, as term hashes: the terms plus the character 4-grams of words of
 * five letters or more (word edges marked), so "deliver", "delivery" and "delivered" or "Preis"
 * and "Preise" meet without a stemmer for every language.
 */
export function themeFeatures(text: string, stop: ReadonlySet<number> = NONE, out: number[] = []): number[] {
	out.length = 0;
	walkTerms(text, stop, (units, from, to, hash, word) => {
		out.push(hash);
		if (!word || to - from < 5) return;
		// the word as <word>: position −1 is '<', position n is '>'
		const at = (i: number) => (i < from ? 0x3c : i >= to ? 0x3e : units[i]);
		for (let i = from - 1; i + 4 <= to + 1; i++) {
			let h = GRAM_SEED;
			for (let j = i; j < i + 4; j++) h = Math.imul(h ^ at(j), 0x01000193);
			out.push(h | 0);
		}
	});
	return out;
}
