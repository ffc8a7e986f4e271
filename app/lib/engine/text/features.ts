import { gibberishOf } from './gibberish';
import { isNonAnswerTokens } from './non-answers';
import { sentimentOfTokens, type Lang, type Sentiment } from './sentiment';
import { createTokens, tokenize } from './tokens';

/** Languages by code in `TextFeatureColumns.lang`; 0 is none found. */
export const LANG_CODES: readonly (Lang | null)[] = [null, 'en', 'de', 'fr', 'es'];

/** Everything the text checks need from many answers, one slot per answer, no object per answer. */
export interface TextFeatureColumns {
	nonAnswer: Uint8Array;
	gibberish: Float64Array;
	sentiment: Float64Array;
	lang: Uint8Array;
}

export const createFeatureColumns = (n: number): TextFeatureColumns => ({
	nonAnswer: new Uint8Array(n),
	gibberish: new Float64Array(n),
	sentiment: new Float64Array(n),
	lang: new Uint8Array(n)
});

const tokens = createTokens();
const sentiment: Sentiment = { score: 0, lang: null, hits: 0 };

/** Writes the features of `text` into slot `i` of `out`. */
export function scanText(text: string, i: number, out: TextFeatureColumns): void {
	const lower = text.toLowerCase();
	tokenize(lower, tokens);
	out.nonAnswer[i] = isNonAnswerTokens(tokens) ? 1 : 0;
	out.gibberish[i] = gibberishOf(lower, null);
	sentimentOfTokens(tokens, sentiment);
	out.sentiment[i] = sentiment.score;
	out.lang[i] = LANG_CODES.indexOf(sentiment.lang);
}
