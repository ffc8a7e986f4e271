import { languageDetector } from '../language';
import { findThemes, type ThemeCoding, type ThemeOptions } from './index';
import { questionLanguages, stopWords } from './stop-words';

/** `findThemes` with the function words of the languages the answers are written in left out. */
export async function questionThemes(
	texts: readonly string[],
	counts: ArrayLike<number>,
	opts: Omit<ThemeOptions, 'stopWords'> = {}
): Promise<ThemeCoding & { languages: string[] }> {
	const languages = questionLanguages(texts, counts, await languageDetector());
	return { ...findThemes(texts, counts, { ...opts, stopWords: await stopWords(languages) }), languages };
}
