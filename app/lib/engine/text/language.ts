export interface LanguageGuess {
	/** ISO 639-1, '' when the text is too short or unlike any language. */
	language: string;
	/** 0..1: how clearly the best language beats the runner-up. */
	confidence: number;
}

export type DetectLanguage = (text: string) => LanguageGuess;

let loaded: Promise<DetectLanguage> | null = null;
// Long answers are judged on their start: the detector's time grows with length, its accuracy does not.
const MAX_CHARS = 300;

/**
 * The language detector: Nito-ELD (npm `eld`, 60 languages, n-gram data bundled, no network),
 * loaded on first use so the app only ships its ~1 MB of n-grams when a language check runs.
 */
export function languageDetector(): Promise<DetectLanguage> {
	loaded ??= import('eld/extrasmall').then(({ eld }) => (text: string) => {
		const r = eld.detect(text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text);
		if (!r.language || !r.isReliable()) return { language: '', confidence: 0 };
		let top = 0;
		let second = 0;
		for (const s of Object.values(r.getScores())) {
			if (s > top) [top, second] = [s, top];
			else if (s > second) second = s;
		}
		return { language: r.language, confidence: Math.min(1, 0.5 + (top - second) * 2.5) };
	});
	return loaded;
}

const NAMES = new Intl.DisplayNames(['en'], { type: 'language' });
export const languageName = (code: string): string => NAMES.of(code) ?? code;
