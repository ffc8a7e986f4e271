const SPLIT = /[^\p{L}\p{N}]+/u;
const MARKS = /\p{M}/gu;
const SUFFIXES = ['ations', 'ation', 'ings', 'ing', 'ers', 'ies', 'ied', 'ed', 'er', 'es', 's'];

/** Lower case without accents, so "Exclusión" and "exclusion" meet. */
export function fold(text: string): string {
	return text.normalize('NFKD').replace(MARKS, '').toLowerCase();
}

/**
 * A crude English stemmer (suffix stripping with a minimum stem of 3): enough to make
 * "excluded", "excluding" and "excludes" one term. Other languages keep their words as they are.
 */
export function stem(word: string): string {
	if (word.length <= 4 || /^\d/.test(word)) return word;
	for (const s of SUFFIXES) {
		if (word.endsWith(s) && word.length - s.length >= 3) {
			const base = word.slice(0, -s.length);
			if (s === 'ies' || s === 'ied') return `${base}y`;
			return base.endsWith('e') && base.length > 3 ? base.slice(0, -1) : base;
		}
	}
	return word.endsWith('e') ? word.slice(0, -1) : word;
}

/** The words of a text, folded, in order (hyphenated and dotted parts split). */
export function words(text: string): string[] {
	return fold(text).split(SPLIT).filter(Boolean);
}
