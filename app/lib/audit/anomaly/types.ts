import type { AuditEvent } from '../events';

export type AnomalyKind = 'exclusion-rate' | 'unusual-hour' | 'export-burst' | 'export-after-reversal';

/** An unusual stretch of activity, with the events that make it up and the reasons in words. */
export type Anomaly = {
	kind: AnomalyKind;
	actor: string;
	from: string;
	to: string;
	events: { device?: string; seq: number }[];
	/** Each finding that makes the stretch unusual, as a sentence. */
	reasons: string[];
	/** The reasons joined: what lists and summaries show. */
	explanation: string;
	/** The size of what was unusual (respondents excluded, events at the hour, exports, decisions reversed). */
	magnitude: number;
	/** Hour of day in the viewer's zone when the stretch began (similar alerts share it). */
	hour: number;
};

export const ANOMALY_RULES = {
	/** An hour is flagged when its exclusions reach this multiple of the actor's usual per active hour… */
	rateFactor: 10,
	/** …and at least this many respondents… */
	rateMinimum: 250,
	/** …given at least this many other active hours to learn the usual rate from. */
	rateHistory: 5,
	/** An hour is unusual for an actor when it and its neighbours hold under this share of their events… */
	hourShare: 0.01,
	/** …given at least this many events by that actor… */
	hourHistory: 30,
	/** …and at least this many data changes or exports in that hour (a glance at night is not alarming). */
	hourMinimum: 3,
	/** Exports by one actor within `burstMinutes` form one stretch; it is a burst when one format recurs this often… */
	burstRepeats: 4,
	/** …or the stretch holds this many exports of any formats (several formats at once is normal). */
	burstCount: 12,
	burstMinutes: 10,
	/** A data export within this many minutes after the same actor reversed at least `reversalMinimum` decisions. */
	reversalMinutes: 30,
	reversalMinimum: 10,
	/** Hours are read in UTC shifted by this many minutes (the viewer's time zone). */
	tzOffsetMinutes: 0
};
export type AnomalyRules = typeof ANOMALY_RULES;

export type Ev = AuditEvent & { device?: string };
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export const refs = (group: Ev[]) => group.map((e) => (e.device === undefined ? { seq: e.seq } : { device: e.device, seq: e.seq }));
export const round = (n: number) => (n >= 10 ? Math.round(n) : Math.round(n * 10) / 10);
export const pad = (h: number) => String(h).padStart(2, '0');
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
export const localHour = (time: string | number, rules: AnomalyRules) =>
	new Date((typeof time === 'number' ? time : Date.parse(time)) + rules.tzOffsetMinutes * MINUTE).getUTCHours();
export const zone = (rules: AnomalyRules) =>
	rules.tzOffsetMinutes ? `UTC${rules.tzOffsetMinutes > 0 ? '+' : '-'}${Math.abs(rules.tzOffsetMinutes) / 60}` : 'UTC';

export function median(values: number[]): number {
	const s = [...values].sort((a, b) => a - b);
	const mid = s.length >> 1;
	return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function tally(values: string[]): string {
	const counts = new Map<string, number>();
	for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
	return [...counts].map(([v, n]) => (n > 1 ? `${v} x${n}` : v)).join(', ');
}

/** An anomaly over a time-ordered group of events. */
export function makeAnomaly(
	kind: Anomaly['kind'],
	actor: string,
	group: Ev[],
	reasons: string[],
	magnitude: number,
	rules: AnomalyRules
): Anomaly {
	return {
		kind,
		actor,
		from: group[0].time,
		to: group[group.length - 1].time,
		events: refs(group),
		reasons,
		explanation: reasons.join(' '),
		magnitude,
		hour: localHour(group[0].time, rules)
	};
}
