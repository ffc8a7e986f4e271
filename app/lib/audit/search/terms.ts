import { conceptOfWord, conceptSpans } from './synonyms';
import { fold, stem, words } from './tokens';

const HYPHENATED = /^\p{L}+(-\p{L}+)+$/u;

/** The index terms of a text: its stemmed words, and the concepts they or their phrases name. */
export function termsOf(text: string): string[] {
	const stems = words(text).map(stem);
	const out = new Set(stems);
	for (const span of conceptSpans(stems)) out.add(span.concept);
	// A hyphenated type or action ("set-missing", "decision-undo") is one vocabulary entry too.
	const whole = fold(text).trim();
	if (HYPHENATED.test(whole)) {
		out.add(whole);
		const concept = conceptOfWord(whole);
		if (concept) out.add(concept);
	}
	return [...out];
}
