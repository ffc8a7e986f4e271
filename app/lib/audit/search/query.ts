import type { SearchIndex } from './build';
import { conceptSpans } from './synonyms';
import { stem, words } from './tokens';
import { parseWhen, type TimeWindow } from './when';

/** One thing the query asks for: any of its terms may match (a word, its concept, words it begins). */
export type QueryGroup = { text: string; terms: { term: string; weight: number }[] };

/** `actors`: the people the query names (shown, and matched in actor fields); `when`: a time window that narrows the events. */
export type ParsedQuery = { groups: QueryGroup[]; actors: string[]; when: TimeWindow | null };

const STOP = new Set(
	'a an the and or of for to in on at by with from about who whom whose what which when where why how did do does done has have had was were is are be been been me my i we our us show find list all any every some someone anyone somebody anything everything event events activity action actions log there that this those these it its s respondent respondents case cases people person participant participants user users please data value values as out into than ago since during between'.split(
		' '
	)
);
const PREFIX_WEIGHT = 0.6;
const PREFIX_MIN = 4;
const PREFIX_MAX = 12;

/** Splits a question into a time window and groups of terms to match, noting the people it names. */
export function parseQuery(text: string, index: SearchIndex, now: number, tzOffsetMinutes = 0): ParsedQuery {
	const when = parseWhen(text, now, tzOffsetMinutes);
	const used = new Set(when?.words ?? []);
	const all = words(text).filter((w) => !used.has(w));
	const actors = new Set<string>();
	const rest: string[] = [];
	for (const w of all) {
		if (STOP.has(w)) continue;
		// A person's name is a part to match like any other (it may be the actor, an assignee or a mention).
		index.actorWords.get(w)?.forEach((a) => actors.add(a));
		rest.push(w);
	}
	const stems = rest.map(stem);
	const spans = conceptSpans(stems);
	const groups: QueryGroup[] = [];
	const covered = new Set<number>();
	for (const span of spans.filter((s) => s.end - s.start > 1)) {
		for (let i = span.start; i < span.end; i++) covered.add(i);
		groups.push({ text: rest.slice(span.start, span.end).join(' '), terms: [{ term: span.concept, weight: 1 }] });
	}
	stems.forEach((s, i) => {
		if (covered.has(i)) return;
		const terms = [{ term: s, weight: 1 }];
		for (const span of spans) if (span.start === i && span.end === i + 1) terms.push({ term: span.concept, weight: 1 });
		if (!index.df.has(s) && s.length >= PREFIX_MIN) terms.push(...prefixed(index, s));
		groups.push({ text: rest[i], terms });
	});
	return { groups, actors: [...actors].sort(), when };
}

/** Vocabulary terms the word begins (a typed prefix, or a typo's first letters), most frequent first. */
function prefixed(index: SearchIndex, s: string): { term: string; weight: number }[] {
	const found: [string, number][] = [];
	for (const [term, n] of index.df) if (term.startsWith(s) && term !== s) found.push([term, n]);
	return found
		.sort((a, b) => b[1] - a[1])
		.slice(0, PREFIX_MAX)
		.map(([term]) => ({ term, weight: PREFIX_WEIGHT }));
}
