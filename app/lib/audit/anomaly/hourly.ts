import { HOUR, localHour, makeAnomaly, median, pad, plural, round, zone, type Anomaly, type AnomalyRules, type Ev } from './types';

const CHANGES = new Set(['decision', 'decision-undo', 'decision-redo', 'rule-change', 'setting-change', 'export', 'import']);

export function excluded(e: Ev): number {
	if (e.type !== 'decision' || e.payload.action !== 'exclude') return 0;
	return Array.isArray(e.payload.respondents) ? e.payload.respondents.length : 1;
}

/**
 * Per-actor, per-hour features judged against the actor's own history with robust statistics:
 * respondents excluded (against the median of their other active hours) and the hour of day
 * (the share of all their events within an hour of it). An hour can be unusual on both counts;
 * it then gives one anomaly with both reasons.
 */
export function hourlyAnomalies(actor: string, list: Ev[], rules: AnomalyRules): Anomaly[] {
	const hours = new Map<number, Ev[]>();
	for (const e of list) {
		const h = Math.floor(Date.parse(e.time) / HOUR);
		const group = hours.get(h);
		if (group) group.push(e);
		else hours.set(h, [e]);
	}
	const perHourOfDay = new Array<number>(24).fill(0);
	for (const e of list) perHourOfDay[localHour(e.time, rules)]++;
	const exclusionHours = [...hours.values()].map((g) => g.reduce((n, e) => n + excluded(e), 0)).filter((n) => n > 0);
	const found: Anomaly[] = [];
	for (const [h, group] of hours) {
		const reasons: string[] = [];
		let kind: Anomaly['kind'] | null = null;
		let magnitude = 0;
		const count = group.reduce((n, e) => n + excluded(e), 0);
		const others = exclusionHours.length - (count > 0 ? 1 : 0);
		if (count >= rules.rateMinimum && others >= rules.rateHistory) {
			// The median is robust: one extreme hour barely moves it, so it may stay in.
			const usual = Math.max(1, median(exclusionHours));
			if (count >= rules.rateFactor * usual) {
				kind = 'exclusion-rate';
				magnitude = count;
				reasons.push(
					`${actor} excluded ${plural(count, 'respondent')} within one hour in ${plural(group.filter(excluded).length, 'action')}; ` +
						`their usual is ${round(usual)} per active hour (median of ${others} other hours), so this is ${round(count / usual)} times as many.`
				);
			}
		}
		const hourOfDay = localHour(h * HOUR, rules);
		// Leave this stretch out of the history it is judged against, or a long night session would make its own hour usual.
		const own = (hours.get(h - 1)?.length ?? 0) + group.length + (hours.get(h + 1)?.length ?? 0);
		const near = perHourOfDay[(hourOfDay + 23) % 24] + perHourOfDay[hourOfDay] + perHourOfDay[(hourOfDay + 1) % 24] - own;
		const changes = group.filter((e) => CHANGES.has(e.type)).length;
		if (list.length >= rules.hourHistory && near < rules.hourShare * (list.length - own) && changes >= rules.hourMinimum) {
			kind ??= 'unusual-hour';
			magnitude ||= changes;
			reasons.push(
				`${actor} made ${plural(changes, 'change')} at ${pad(hourOfDay)}:00-${pad(hourOfDay)}:59 ${zone(rules)}; only ${near} of their ` +
					`other ${list.length - own} events (${round((100 * near) / (list.length - own))}%) fall within an hour of that time of day.`
			);
		}
		if (kind) found.push(makeAnomaly(kind, actor, group, reasons, magnitude, rules));
	}
	return mergeAdjacent(found);
}

/** A stretch running over an hour boundary is one anomaly, not two. */
function mergeAdjacent(found: Anomaly[]): Anomaly[] {
	const out: Anomaly[] = [];
	for (const a of found.sort((x, y) => Date.parse(x.from) - Date.parse(y.from))) {
		const last = out[out.length - 1];
		if (last && last.kind === a.kind && Date.parse(a.from) - Date.parse(last.to) <= HOUR / 2) {
			last.to = a.to;
			last.events.push(...a.events);
			last.magnitude += a.magnitude;
			last.reasons.push(...a.reasons);
			last.explanation = last.reasons.join(' ');
		} else out.push(a);
	}
	return out;
}
