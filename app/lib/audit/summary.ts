import { detectAnomalies, tally, ANOMALY_RULES } from './anomalies';
import { applyFeedback } from './anomaly/feedback';
import type { DeviceEvent } from './events';
import { riskOf } from './risk';

const respondents = (n: number) => `${n} respondent${n === 1 ? '' : 's'}`;
const DECISION_PHRASES: Record<string, (n: number) => string> = {
	exclude: (n) => `excluded ${respondents(n)}`,
	keep: (n) => `kept ${respondents(n)}`,
	'set-missing': (n) => `set values to missing for ${respondents(n)}`,
	'edit-value': (n) => `edited values of ${respondents(n)}`,
	recode: (n) => `recoded values for ${respondents(n)}`,
	'merge-categories': (n) => `merged categories for ${respondents(n)}`
};

/**
 * A plain-text summary of one day (`YYYY-MM-DD`, in the zone of `tzOffsetMinutes`): counts, who did
 * what, high-risk actions and unusual activity. Written from the events alone, without any network.
 */
export function dailySummary(events: readonly DeviceEvent[], day: string, rules = ANOMALY_RULES): string {
	const dayOf = (time: string) => new Date(Date.parse(time) + rules.tzOffsetMinutes * 60_000).toISOString().slice(0, 10);
	const today = events
		.filter((e) => e.type !== 'chain-start' && e.type !== 'witness' && !Number.isNaN(Date.parse(e.time)) && dayOf(e.time) === day)
		.sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
	const zone = rules.tzOffsetMinutes ? `UTC${rules.tzOffsetMinutes > 0 ? '+' : '-'}${Math.abs(rules.tzOffsetMinutes) / 60}` : 'UTC';
	if (today.length === 0) return `Audit summary for ${day} (${zone})\nNo audit events on this day.\n`;

	const actors = [...new Set(today.map((e) => e.actor))].sort();
	const devices = new Set(today.map((e) => e.device));
	const lines = [
		`Audit summary for ${day} (${zone})`,
		`${today.length} event${today.length === 1 ? '' : 's'} by ${actors.length} ${actors.length === 1 ? 'person' : 'people'} on ${devices.size} device${devices.size === 1 ? '' : 's'}: ${tally(today.map((e) => e.type))}.`,
		'',
		'Who did what:'
	];
	for (const actor of actors) lines.push(`- ${actor}: ${describeActor(today.filter((e) => e.actor === actor))}.`);

	const notable = today.filter((e) => riskOf(e).level === 'high');
	lines.push('', notable.length ? 'High-risk actions:' : 'High-risk actions: none.');
	for (const e of notable) lines.push(`- ${e.time.slice(11, 16)} ${e.actor}: ${riskOf(e).reasons.join('; ')}.`);

	const flags = applyFeedback(detectAnomalies(events, rules), events).open.filter((a) => dayOf(a.from) === day || dayOf(a.to) === day);
	lines.push('', flags.length ? 'Unusual activity:' : 'Unusual activity: none.');
	for (const a of flags) lines.push(`- ${a.explanation}`);
	return `${lines.join('\n')}\n`;
}

function describeActor(events: readonly DeviceEvent[]): string {
	const parts: string[] = [];
	const decisions = events.filter((e) => e.type === 'decision');
	const byAction = new Map<string, number>();
	for (const d of decisions) {
		const n = Array.isArray(d.payload.respondents) ? d.payload.respondents.length : 1;
		const action = String(d.payload.action);
		byAction.set(action, (byAction.get(action) ?? 0) + n);
	}
	for (const [action, n] of byAction) {
		parts.push(DECISION_PHRASES[action]?.(n) ?? `${action} for ${respondents(n)}`);
	}
	const others = events.filter((e) => e.type !== 'decision');
	const counts = new Map<string, string[]>();
	for (const e of others) counts.set(e.type, [...(counts.get(e.type) ?? []), detailOf(e)]);
	for (const [type, details] of counts) {
		const shown = [...new Set(details.filter(Boolean))];
		parts.push(`${details.length} ${type}${details.length === 1 ? '' : 's'}${shown.length ? ` (${shown.join(', ')})` : ''}`);
	}
	if (decisions.length) parts.unshift(`${decisions.length} decision${decisions.length === 1 ? '' : 's'}`);
	return parts.join(', ');
}

function detailOf(e: DeviceEvent): string {
	const p = e.payload;
	if (e.type === 'export') return String(p.format);
	if (e.type === 'rule-change') return `${String(p.op)} ${String(p.rule)}`;
	if (e.type === 'setting-change') return String(p.key);
	if (e.type === 'import') return String(p.file);
	if (e.type === 'project') return `${String(p.op)} ${String(p.name)}`;
	return '';
}
