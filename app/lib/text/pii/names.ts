import { anyCase } from './regex';
import { GIVEN_NAMES, SURNAMES } from './name-gazetteer';

const CAP = String.raw`\p{Lu}[\p{Ll}'’-]+`;
// Phrases that introduce a name and courtesy titles, in the nine demo languages.
const CUES = String.raw`my name is|name:|i am called|call me|ask for|mein name ist|ich heiße|ich heisse|je m'appelle|je m’appelle|mon nom est|me llamo|mi nombre es|mi chiamo|il mio nome è|meu nome é|me chamo|chamo-me|mijn naam is|ik heet|nazywam się|mam na imię|benim adım|adım`;
const TITLES = anyCase(
	'mr. mr mrs. mrs ms. dr. herr frau m. mme mlle monsieur madame sr. sra. señor señora sig.ra sig. signor signora dhr. mevr. pan pani bay bayan senhor senhora'.split(
		' '
	)
);
const CUE_RE = new RegExp(String.raw`(?<![\p{L}])(?:${CUES})\s+(${CAP}(?:\s+${CAP})?)`, 'giu');
const TITLE_RE = new RegExp(String.raw`(?<![\p{L}])(?:${TITLES})\s+(${CAP}(?:\s+${CAP})?)`, 'gu');
const TOKEN_RE = /\p{Lu}[\p{Ll}'’-]+|\p{Lu}\./gu;

/**
 * Person names: a cue ("my name is", "ich heiße", titles) before capitalised words; a given name from
 * the gazetteer, with a following capitalised word when there is one; an initial and a known surname.
 */
export function findNames(text: string): { start: number; end: number; how: string }[] {
	const out: { start: number; end: number; how: string }[] = [];
	for (const m of text.matchAll(CUE_RE))
		out.push({ start: m.index + m[0].length - (m[1] ?? '').length, end: m.index + m[0].length, how: 'cue' });
	for (const re of [TITLE_RE]) {
		re.lastIndex = 0;
		for (const m of text.matchAll(re))
			out.push({ start: m.index + m[0].length - (m[1] ?? '').length, end: m.index + m[0].length, how: 'title' });
	}
	const tokens = [...text.matchAll(TOKEN_RE)];
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i];
		if (!t) break;
		const next = tokens[i + 1];
		const adjacent = next && /^\s+$/.test(text.slice(t.index + t[0].length, next.index));
		if (GIVEN_NAMES.has(t[0])) {
			const withSurname = adjacent && !next[0].endsWith('.');
			out.push({ start: t.index, end: withSurname ? next.index + next[0].length : t.index + t[0].length, how: 'gazetteer' });
			if (withSurname) i++;
		} else if (t[0].endsWith('.') && adjacent && SURNAMES.has(next[0])) {
			out.push({ start: t.index, end: next.index + next[0].length, how: 'initial' });
			i++;
		}
	}
	return out;
}
