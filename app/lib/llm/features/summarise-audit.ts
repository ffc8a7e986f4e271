import type { DeviceEvent } from '../../audit/events';
import { dailySummary } from '../../audit/summary';

export type AuditPeriod = 'day' | 'week';

/** The days (`YYYY-MM-DD`) of a period ending on `day`: that day, or the seven days up to it. */
export function periodDays(period: AuditPeriod, day: string): string[] {
	const end = Date.parse(`${day}T00:00:00Z`);
	if (Number.isNaN(end)) throw new Error(`not a day: ${day} (YYYY-MM-DD expected)`);
	const n = period === 'day' ? 1 : 7;
	return Array.from({ length: n }, (_, i) => new Date(end - (n - 1 - i) * 86_400_000).toISOString().slice(0, 10));
}

/** Without an LLM: the audit trail's own daily summaries, one per day with events. */
export function summariseAuditLocally(events: readonly DeviceEvent[], period: AuditPeriod, day: string): string {
	const days = periodDays(period, day);
	if (period === 'day') return dailySummary(events, day).trimEnd();
	const parts = days.map((d) => dailySummary(events, d).trimEnd()).filter((s) => !s.endsWith('No audit events on this day.'));
	return [`Audit summary for the week ${days[0]} to ${days[6]}`, parts.length ? '' : 'No audit events in this week.', ...parts]
		.join('\n')
		.trimEnd();
}

/** The prompt variables: the period and the local summary's facts (counts, actors, risks), never payloads. */
export function summariseAuditVariables(events: readonly DeviceEvent[], period: AuditPeriod, day: string): Record<string, string> {
	const days = periodDays(period, day);
	return {
		period: period === 'day' ? day : `the week ${days[0]} to ${days[6]}`,
		facts: summariseAuditLocally(events, period, day)
	};
}
