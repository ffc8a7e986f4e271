import type { DeviceEvent } from '../events';
import { eventFields, FIELD_WEIGHTS } from './document';
import { termsOf } from './terms';
import { words } from './tokens';

/** An inverted index over the fields of a log's events, built once per log and searched many times. */
export type SearchIndex = {
	events: readonly DeviceEvent[];
	times: Float64Array;
	/** term → postings `event * FIELD_SLOTS + field`, ascending. */
	postings: Map<string, number[]>;
	/** term → number of events holding it. */
	df: Map<string, number>;
	fields: string[];
	/** A word of an actor's name → the actors whose names hold it. */
	actorWords: Map<string, Set<string>>;
};

export const FIELD_SLOTS = 16;
const MEMO_MAX = 100_000;
const FIELDS = Object.keys(FIELD_WEIGHTS);
const FIELD_ID = new Map(FIELDS.map((f, i) => [f, i]));

export function buildSearchIndex(events: readonly DeviceEvent[]): SearchIndex {
	const postings = new Map<string, number[]>();
	const df = new Map<string, number>();
	const actorWords = new Map<string, Set<string>>();
	const times = new Float64Array(events.length);
	const actors = new Set<string>();
	// Types, actions, reasons and actors repeat across thousands of events: tokenise each text once.
	const memo = new Map<string, string[]>();
	events.forEach((e, i) => {
		times[i] = Date.parse(e.time);
		actors.add(e.actor);
		for (const { field, value } of eventFields(e)) {
			const slot = i * FIELD_SLOTS + FIELD_ID.get(field)!;
			for (const term of field === 'respondent' ? words(value) : cached(value)) {
				let list = postings.get(term);
				if (!list) postings.set(term, (list = []));
				if (list[list.length - 1] !== slot) list.push(slot);
			}
		}
	});
	for (const [term, list] of postings) {
		let events = 0;
		let last = -1;
		for (const slot of list) {
			const e = (slot / FIELD_SLOTS) | 0;
			if (e !== last) events++;
			last = e;
		}
		df.set(term, events);
	}
	for (const actor of actors) {
		for (const w of words(actor)) {
			if (/^\d+$/.test(w)) continue;
			if (!actorWords.has(w)) actorWords.set(w, new Set());
			actorWords.get(w)!.add(actor);
		}
	}
	return { events, times, postings, df, fields: FIELDS, actorWords };

	function cached(value: string): string[] {
		let terms = memo.get(value);
		if (!terms) {
			terms = termsOf(value);
			if (memo.size < MEMO_MAX) memo.set(value, terms);
		}
		return terms;
	}
}
