import type { DeviceEvent } from '../events';
import { FIELD_SLOTS, type SearchIndex } from './build';
import { eventFields, FIELD_WEIGHTS } from './document';
import { parseQuery, type ParsedQuery } from './query';
import { termsOf } from './terms';

/** Where a hit matched: the field, its text, and the query words it answered. */
export type FieldMatch = { field: string; value: string; words: string[] };
export type SearchHit = { event: DeviceEvent; score: number; matches: FieldMatch[] };

export type SearchResult = {
	/** How the query was read, so a user sees why these events came back. */
	understood: { words: string[]; actors: string[]; from: string | null; to: string | null; when: string | null };
	/** Events that match every part of the query (within its time window). */
	total: number;
	hits: SearchHit[];
};

export type SearchOptions = { now?: number; tzOffsetMinutes?: number; limit?: number };

/**
 * Ranked search over a log: events matching more parts of the query first, then by TF-IDF score
 * (field-weighted), then newest. A time phrase in the query narrows the events.
 * @example searchEvents(buildSearchIndex(events), 'who excluded speeders last week', { now: Date.now() })
 */
export function searchEvents(index: SearchIndex, text: string, options: SearchOptions = {}): SearchResult {
	const { now = Date.now(), tzOffsetMinutes = 0, limit = 20 } = options;
	const query = parseQuery(text, index, now, tzOffsetMinutes);
	const n = index.events.length;
	const allowed = admit(index, query);
	const score = new Float64Array(n);
	const matched = new Uint8Array(n);
	const best = new Float64Array(n);
	const touched: number[] = [];
	const weights = index.fields.map((f) => FIELD_WEIGHTS[f]);
	for (const group of query.groups) {
		touched.length = 0;
		for (const { term, weight } of group.terms) {
			const list = index.postings.get(term);
			if (!list) continue;
			const idf = Math.log(1 + n / index.df.get(term)!);
			for (const slot of list) {
				const e = (slot / FIELD_SLOTS) | 0;
				if (!allowed(e)) continue;
				const s = idf * weight * weights[slot % FIELD_SLOTS];
				if (best[e] === 0) touched.push(e);
				if (s > best[e]) best[e] = s;
			}
		}
		for (const e of touched) {
			score[e] += best[e];
			matched[e]++;
			best[e] = 0;
		}
	}
	const groups = query.groups.length;
	const candidates: number[] = [];
	let total = 0;
	for (let e = 0; e < n; e++) {
		if (!allowed(e) || (groups > 0 && matched[e] === 0)) continue;
		candidates.push(e);
		if (matched[e] === groups) total++;
	}
	const top = topK(candidates, limit, (a, b) => matched[b] - matched[a] || score[b] - score[a] || index.times[b] - index.times[a]);
	return {
		understood: {
			words: query.groups.map((g) => g.text),
			actors: query.actors,
			from: query.when ? new Date(query.when.from).toISOString() : null,
			to: query.when ? new Date(query.when.to).toISOString() : null,
			when: query.when?.label ?? null
		},
		total,
		hits: top.map((e) => ({
			event: index.events[e],
			score: Math.round(score[e] * 1000) / 1000,
			matches: matchesOf(index.events[e], query)
		}))
	};
}

function admit(index: SearchIndex, query: ParsedQuery): (e: number) => boolean {
	const { from, to } = query.when ?? { from: -Infinity, to: Infinity };
	return (e) => index.times[e] >= from && index.times[e] <= to;
}

/** The `k` best of `items` by `cmp`, without sorting all of them when there are many. */
function topK(items: number[], k: number, cmp: (a: number, b: number) => number): number[] {
	if (items.length <= k * 4) return items.sort(cmp).slice(0, k);
	const kept: number[] = [];
	for (const x of items) {
		if (kept.length === k && cmp(x, kept[k - 1]) >= 0) continue;
		let i = kept.length === k ? k - 1 : kept.length;
		while (i > 0 && cmp(x, kept[i - 1]) < 0) i--;
		kept.splice(i, 0, x);
		if (kept.length > k) kept.pop();
	}
	return kept;
}

function matchesOf(event: DeviceEvent, query: ParsedQuery): FieldMatch[] {
	const out: FieldMatch[] = [];
	for (const { field, value } of eventFields(event)) {
		const terms = new Set(termsOf(value));
		const hit = query.groups.filter((g) => g.terms.some((t) => terms.has(t.term))).map((g) => g.text);
		if (hit.length) out.push({ field, value: value.length > 160 ? `${value.slice(0, 159)}…` : value, words: hit });
	}
	return out;
}
