import { describe, expect, it } from 'vitest';
import type { DeviceEvent } from '../../../../app/lib/audit/events';
import { buildSearchIndex, searchEvents } from '../../../../app/lib/audit/search/index';
import { simulateActivity } from '../../../../app/lib/audit/simulate/activity';

const sim = simulateActivity({ seed: 7, days: 30 });
const index = buildSearchIndex(sim.events);
const NOW = Date.parse('2026-10-07T12:00:00Z');
const DAY = 86_400_000;

const reason = (e: DeviceEvent, re: RegExp) => typeof e.payload.reason === 'string' && re.test(e.payload.reason);
const excludes = (e: DeviceEvent) => e.type === 'decision' && e.payload.action === 'exclude';
const within = (e: DeviceEvent, from: string, to: string) => e.time >= from && e.time < to;

/** Questions a researcher asks of the log, each with the truth: which events answer it. */
const QUESTIONS: [string, (e: DeviceEvent) => boolean][] = [
	[
		'who excluded respondents for speeding last week',
		(e) => excludes(e) && reason(e, /speed|fast|quick|rush|median time/i) && within(e, '2026-09-28', '2026-10-05')
	],
	['straightliners', (e) => reason(e, /straight|same answer|flatline/i)],
	['exports with identifying data', (e) => e.type === 'export' && Array.isArray(e.payload.identifying) && e.payload.identifying.length > 0],
	['rule changes', (e) => e.type === 'rule-change'],
	['undo by tom', (e) => e.type === 'decision-undo' && e.actor === 'tom'],
	['duplicates removed yesterday', (e) => excludes(e) && reason(e, /duplicate|repeat|same ip/i) && within(e, '2026-10-06', '2026-10-07')],
	['bots', (e) => reason(e, /bot|automated/i)],
	['comments by ana', (e) => e.type === 'comment' && e.actor === 'ana'],
	['failed attention checks', (e) => reason(e, /attention|trap/i)],
	['imported files', (e) => e.type === 'import'],
	['approvals', (e) => e.type === 'approval'],
	['kept respondents', (e) => e.type === 'decision' && e.payload.action === 'keep'],
	['values set to missing', (e) => e.type === 'decision' && e.payload.action === 'set-missing'],
	['respondent NG-01234', (e) => JSON.stringify(e.payload).includes('"NG-01234"')],
	[
		'what did wei.chen exclude as nonsense',
		(e) => excludes(e) && e.actor === 'wei.chen' && reason(e, /nonsense|sin sentido|copy-pasted|off-topic/i)
	],
	['spss exports', (e) => e.type === 'export' && e.payload.format === 'sav'],
	// Paraphrases written after the first set; on first run they scored 0.73 (three misses: "thrown", "as", an assignee's name).
	['people thrown out for rushing', (e) => excludes(e) && reason(e, /speed|fast|quick|rush|median time/i)],
	['cases removed as fraud', (e) => excludes(e) && reason(e, /bot|automated/i)],
	['who downloaded the data', (e) => e.type === 'export'],
	['reverted decisions', (e) => e.type === 'decision-undo'],
	['flatliners excluded by Kofi', (e) => excludes(e) && e.actor === 'Kofi Mensah' && reason(e, /straight|same answer|flatline/i)],
	['trap question failures', (e) => reason(e, /attention|trap/i)],
	['ages corrected', (e) => e.type === 'decision' && e.payload.action === 'edit-value'],
	[
		'dropped for inconsistent answers in the past 3 days',
		(e) => excludes(e) && reason(e, /inconsistent|impossible|contradicts/i) && Date.parse(e.time) >= NOW - 3 * DAY
	]
];

describe('searchEvents', () => {
	it('answers a question set with precision at 5 of at least 0.9', () => {
		const scores = QUESTIONS.map(([q, relevant]) => {
			const wanted = sim.events.filter(relevant).length;
			expect(wanted, q).toBeGreaterThan(0);
			const hits = searchEvents(index, q, { now: NOW, limit: 5 }).hits;
			const good = hits.filter((h) => relevant(h.event)).length;
			return { q, p5: good / Math.min(5, wanted) };
		});
		const mean = scores.reduce((s, x) => s + x.p5, 0) / scores.length;
		console.info(`audit search precision@5: mean ${mean.toFixed(3)}; ${scores.map((s) => `${s.q}: ${s.p5}`).join('; ')}`);
		expect(mean).toBeGreaterThanOrEqual(0.9);
		for (const s of scores) expect(s.p5, s.q).toBeGreaterThanOrEqual(0.6);
	});

	it('reads time, actor and meaning from the question and shows the matching fields', () => {
		const r = searchEvents(index, 'who excluded respondents for speeding last week', { now: NOW, limit: 3 });
		expect(r.understood).toEqual({
			words: ['excluded', 'speeding'],
			actors: [],
			from: '2026-09-28T00:00:00.000Z',
			to: '2026-10-04T23:59:59.999Z',
			when: 'last week'
		});
		const truth = sim.events.filter(
			(e) => excludes(e) && reason(e, /speed|fast|quick|rush|median time/i) && within(e, '2026-09-28', '2026-10-05')
		);
		expect(r.total).toBe(truth.length);
		const first = r.hits[0];
		expect(first.matches.find((m) => m.field === 'action')).toEqual({ field: 'action', value: 'exclude', words: ['excluded'] });
		expect(first.matches.find((m) => m.field === 'reason')?.words).toEqual(['speeding']);
		const byTom = searchEvents(index, 'undo by tom', { now: NOW, limit: 5 });
		expect(byTom.understood).toMatchObject({ words: ['undo', 'tom'], actors: ['tom'] });
		expect(byTom.total).toBe(sim.events.filter((e) => e.type === 'decision-undo' && e.actor === 'tom').length);
		expect(byTom.hits.every((h) => h.event.actor === 'tom' && h.event.type === 'decision-undo')).toBe(true);
		expect(byTom.hits[0].matches).toContainEqual({ field: 'actor', value: 'tom', words: ['tom'] });
		// A name matches wherever the person appears: here as the assignee of someone else's event.
		const toAna = searchEvents(index, 'assignments to ana', { now: NOW, limit: 1 }).hits[0];
		expect(toAna.event).toMatchObject({ type: 'assignment', actor: 'maria.lopez', payload: { assignee: 'ana' } });
	});

	it('ranks events matching every part above those matching some, and finds words by their beginning', () => {
		const r = searchEvents(index, 'excluded bots', { now: NOW, limit: 50 });
		const full = r.hits.filter((h) => excludes(h.event) && reason(h.event, /bot|automated/i)).length;
		expect(r.hits.slice(0, full).every((h) => excludes(h.event) && reason(h.event, /bot|automated/i))).toBe(true);
		const partial = searchEvents(index, 'gibber', { now: NOW, limit: 5 });
		expect(partial.hits.length).toBeGreaterThan(0);
		expect(partial.hits.every((h) => reason(h.event, /gibberish/i))).toBe(true);
	});

	it('returns nothing for words the log never holds, and no error for an empty index', () => {
		expect(searchEvents(index, 'zebra', { now: NOW })).toMatchObject({ total: 0, hits: [] });
		expect(searchEvents(buildSearchIndex([]), 'excluded last week', { now: NOW })).toMatchObject({ total: 0, hits: [] });
	});
});
