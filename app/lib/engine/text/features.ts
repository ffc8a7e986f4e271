import { gibberishScore } from './gibberish';
import { isNonAnswer } from './non-answers';
import { sentimentOf, type Lang } from './sentiment';

export interface TextFeatures {
	length: number;
	words: number;
	nonAnswer: boolean;
	gibberish: number;
	gibberishReason: string | null;
	sentiment: number;
	sentimentHits: number;
	lang: Lang | null;
}

/** Everything the text checks need from one answer, computed once. */
export function textFeatures(text: string): TextFeatures {
	const t = text.trim();
	const g = gibberishScore(t);
	const s = sentimentOf(t);
	let words = 0;
	let inWord = false;
	for (const ch of t) {
		const space = ch === ' ' || ch === '\n' || ch === '\t';
		if (!space && !inWord) words++;
		inWord = !space;
	}
	return {
		length: t.length,
		words,
		nonAnswer: isNonAnswer(t),
		gibberish: g.score,
		gibberishReason: g.reason,
		sentiment: s.score,
		sentimentHits: s.hits,
		lang: s.lang
	};
}
