import type { AuditEvent } from './events';

export type AnomalyKind = 'exclusion-rate' | 'unusual-hour' | 'export-burst';

/** An unusual stretch of activity, with the events that make it up and a sentence saying why. */
export type Anomaly = {
	kind: AnomalyKind;
	actor: string;
	from: string;
	to: string;
	events: { device?: string; seq: number }[];
	explanation: string;
};

export const ANOMALY_RULES = {
	/** A minute is flagged when its exclusions reach this multiple of the actor's usual rate… */
	rateFactor: 10,
	/** …and at least this many respondents… */
	rateMinimum: 50,
	/** …given at least this many earlier active minutes to learn the usual rate from. */
	rateHistory: 5,
	/** An hour is unusual for an actor when it and its neighbours hold under this share of their events… */
	hourShare: 0.05,
	/** …given at least this many events by that actor. */
	hourHistory: 30,
	/** Exports by one actor within `burstMinutes` that make a burst. */
	burstCount: 5,
	burstMinutes: 10,
	/** Hours are read in UTC shifted by this many minutes (the viewer's time zone). */
	tzOffsetMinutes: 0
};

type Ev = AuditEvent & { device?: string };
const MINUTE = 60_000;
const AUTOMATIC = new Set(['chain-start', 'witness']);

/** Unusual activity: exclusion rates far above an actor's usual, activity at hours unusual for them, export bursts. */
export function detectAnomalies(events: readonly Ev[], rules = ANOMALY_RULES): Anomaly[] {
	const byActor = new Map<string, Ev[]>();
	for (const e of events) {
		if (AUTOMATIC.has(e.type) || Number.isNaN(Date.parse(e.time))) continue;
		const list = byActor.get(e.actor) ?? [];
		list.push(e);
		byActor.set(e.actor, list);
	}
	const found: Anomaly[] = [];
	for (const [actor, list] of byActor) {
		list.sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
		found.push(...exclusionRate(actor, list, rules), ...unusualHours(actor, list, rules), ...exportBursts(actor, list, rules));
	}
	return found.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

function excluded(e: Ev): number {
	if (e.type !== 'decision' || e.payload.action !== 'exclude') return 0;
	return Array.isArray(e.payload.respondents) ? e.payload.respondents.length : 1;
}

function exclusionRate(actor: string, list: Ev[], rules: typeof ANOMALY_RULES): Anomaly[] {
	const minutes = new Map<number, Ev[]>();
	for (const e of list) {
		if (!excluded(e)) continue;
		const m = Math.floor(Date.parse(e.time) / MINUTE);
		minutes.set(m, [...(minutes.get(m) ?? []), e]);
	}
	const found: Anomaly[] = [];
	const history: number[] = [];
	for (const m of [...minutes.keys()].sort((a, b) => a - b)) {
		const group = minutes.get(m)!;
		const count = group.reduce((n, e) => n + excluded(e), 0);
		if (history.length >= rules.rateHistory) {
			const usual = median(history);
			if (count >= rules.rateMinimum && count >= rules.rateFactor * usual) {
				found.push({
					kind: 'exclusion-rate',
					actor,
					from: new Date(m * MINUTE).toISOString(),
					to: new Date((m + 1) * MINUTE).toISOString(),
					events: refs(group),
					explanation:
						`${actor} excluded ${count} respondents in one minute; their usual rate is ${round(usual)} per active minute ` +
						`(median of ${history.length} earlier minutes), so this is ${round(count / usual)} times as many.`
				});
			}
		}
		history.push(count);
	}
	return found;
}

function unusualHours(actor: string, list: Ev[], rules: typeof ANOMALY_RULES): Anomaly[] {
	if (list.length < rules.hourHistory) return [];
	const hourOf = (e: Ev) => new Date(Date.parse(e.time) + rules.tzOffsetMinutes * MINUTE).getUTCHours();
	const perHour = new Array<number>(24).fill(0);
	for (const e of list) perHour[hourOf(e)]++;
	const groups = new Map<string, Ev[]>();
	for (const e of list) {
		const h = hourOf(e);
		const near = perHour[(h + 23) % 24] + perHour[h] + perHour[(h + 1) % 24];
		if (near >= rules.hourShare * list.length) continue;
		const key = new Date(Date.parse(e.time) + rules.tzOffsetMinutes * MINUTE).toISOString().slice(0, 13);
		groups.set(key, [...(groups.get(key) ?? []), e]);
	}
	return [...groups.values()].map((group) => {
		const h = hourOf(group[0]);
		const near = perHour[(h + 23) % 24] + perHour[h] + perHour[(h + 1) % 24];
		const span = `${pad((h + 23) % 24)}:00 and ${pad((h + 2) % 24)}:00`;
		return {
			kind: 'unusual-hour' as const,
			actor,
			from: group[0].time,
			to: group[group.length - 1].time,
			events: refs(group),
			explanation:
				`${actor} was active at ${pad(h)}:00-${pad(h)}:59 (${group.length} event${group.length === 1 ? '' : 's'}); only ${near} of ` +
				`their ${list.length} events (${round((100 * near) / list.length)}%) fall between ${span}${zone(rules)}.`
		};
	});
}

function exportBursts(actor: string, list: Ev[], rules: typeof ANOMALY_RULES): Anomaly[] {
	const exports = list.filter((e) => e.type === 'export');
	const found: Anomaly[] = [];
	let start = 0;
	while (start < exports.length) {
		let end = start;
		while (end + 1 < exports.length && Date.parse(exports[end + 1].time) - Date.parse(exports[start].time) <= rules.burstMinutes * MINUTE)
			end++;
		if (end - start + 1 < rules.burstCount) {
			start++;
			continue;
		}
		// Extend while the window keeps sliding over further exports, so one burst gives one flag.
		while (
			end + 1 < exports.length &&
			Date.parse(exports[end + 1].time) - Date.parse(exports[end + 2 - rules.burstCount].time) <= rules.burstMinutes * MINUTE
		)
			end++;
		const group = exports.slice(start, end + 1);
		const formats = tally(group.map((e) => String(e.payload.format)));
		const minutes = Math.max(1, Math.round((Date.parse(group[group.length - 1].time) - Date.parse(group[0].time)) / MINUTE));
		found.push({
			kind: 'export-burst',
			actor,
			from: group[0].time,
			to: group[group.length - 1].time,
			events: refs(group),
			explanation:
				`${actor} exported ${group.length} times in ${minutes} minute${minutes === 1 ? '' : 's'} (${formats}); ` +
				`${rules.burstCount} or more exports within ${rules.burstMinutes} minutes is unusual.`
		});
		start = end + 1;
	}
	return found;
}

export function tally(values: string[]): string {
	const counts = new Map<string, number>();
	for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
	return [...counts].map(([v, n]) => (n > 1 ? `${v} x${n}` : v)).join(', ');
}

function median(values: number[]): number {
	const s = [...values].sort((a, b) => a - b);
	const mid = s.length >> 1;
	return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const refs = (group: Ev[]) => group.map((e) => (e.device === undefined ? { seq: e.seq } : { device: e.device, seq: e.seq }));
const round = (n: number) => (n >= 10 ? Math.round(n) : Math.round(n * 10) / 10);
const pad = (h: number) => String(h).padStart(2, '0');
const zone = (rules: typeof ANOMALY_RULES) =>
	rules.tzOffsetMinutes ? ` (UTC${rules.tzOffsetMinutes > 0 ? '+' : '-'}${Math.abs(rules.tzOffsetMinutes) / 60})` : ' (UTC)';
