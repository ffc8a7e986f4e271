import type { DetectLanguage } from '../language';
import { termHash } from './terms';

// ISO 639-1 (the language detector's codes) to the `stopword` package's list names
const LISTS: Record<string, string[]> = {
	af: ['afr'],
	ar: ['ara'],
	bg: ['bul'],
	bn: ['ben'],
	br: ['bre'],
	ca: ['cat'],
	cs: ['ces'],
	da: ['dan'],
	de: ['deu'],
	el: ['ell'],
	en: ['eng'],
	eo: ['epo'],
	es: ['spa'],
	et: ['est'],
	eu: ['eus'],
	fa: ['fas'],
	fi: ['fin'],
	fr: ['fra'],
	ga: ['gle'],
	gl: ['glg'],
	gu: ['guj'],
	ha: ['hau'],
	he: ['heb'],
	hi: ['hin'],
	hr: ['hrv'],
	hu: ['hun'],
	hy: ['hye'],
	id: ['ind'],
	it: ['ita'],
	ja: ['jpn'],
	ko: ['kor'],
	ku: ['kur'],
	la: ['lat'],
	lt: ['lit'],
	lv: ['lav'],
	mr: ['mar'],
	ms: ['msa'],
	my: ['mya'],
	nb: ['nob'],
	nl: ['nld'],
	no: ['nob'],
	pa: ['panGu'],
	pl: ['pol'],
	pt: ['por', 'porBr'],
	ro: ['ron'],
	ru: ['rus'],
	sk: ['slk'],
	sl: ['slv'],
	so: ['som'],
	st: ['sot'],
	sv: ['swe'],
	sw: ['swa'],
	th: ['tha'],
	tl: ['tgl'],
	tr: ['tur'],
	uk: ['ukr'],
	ur: ['urd'],
	vi: ['vie'],
	yo: ['yor'],
	zh: ['zho'],
	zu: ['zul']
};

const SAMPLE = 1000;

/**
 * The languages a question's answers are written in, each holding at least `share` of the
 * respondents among up to 1,000 of its most given answers.
 */
export function questionLanguages(texts: readonly string[], counts: ArrayLike<number>, detect: DetectLanguage, share = 0.01): string[] {
	const order = [...texts.keys()].sort((a, b) => counts[b] - counts[a] || a - b).slice(0, SAMPLE);
	const seen = new Map<string, number>();
	let judged = 0;
	for (const d of order) {
		const { language } = detect(texts[d]);
		if (!language) continue;
		seen.set(language, (seen.get(language) ?? 0) + counts[d]);
		judged += counts[d];
	}
	return [...seen].filter(([, n]) => n >= share * judged).map(([code]) => code);
}

/**
 * Function words of the given languages (the `stopword` package's curated lists, 60+ languages,
 * loaded on first use), hashed as theme terms are: lower case, apostrophes dropped.
 */
export async function stopWords(languages: readonly string[]): Promise<Set<number>> {
	const lists = (await import('stopword')) as unknown as Record<string, string[] | undefined>;
	const out = new Set<number>();
	for (const code of languages)
		for (const name of LISTS[code] ?? []) for (const w of lists[name] ?? []) out.add(termHash(w.toLowerCase().replace(/['’]/g, '')));
	return out;
}
