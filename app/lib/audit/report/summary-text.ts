import type { Anomaly } from '../anomalies';
import type { AuditVerdict } from '../verify-audit';
import type { AuditFacts } from './facts';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
const day = (iso: string) => iso.slice(0, 10);
const ranked = (counts: Map<string, number>) =>
	[...counts]
		.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
		.map(([k, n]) => `${k} ${n.toLocaleString('en')}`)
		.join(', ');

/**
 * The executive summary of the audit report, written by a fixed local template from the trail's
 * facts (no network, no model): scope, people, decisions with their reasons, exports, integrity,
 * risks and unusual activity. One paragraph per entry.
 */
export function executiveSummary(facts: AuditFacts, verdict: AuditVerdict, highRisk: number, anomalies: readonly Anomaly[]): string[] {
	const project = facts.name ? `"${facts.name}"` : 'this project';
	const file = facts.file
		? ` on the file ${facts.file.name} (${plural(facts.file.rows, 'row')}, ${plural(facts.file.variables, 'variable')})`
		: '';
	if (!facts.from || !facts.to) return [`The audit trail of ${project} holds no recorded activity yet.`];
	const span = day(facts.from) === day(facts.to) ? `On ${day(facts.from)}` : `Between ${day(facts.from)} and ${day(facts.to)}`;
	const out = [
		`${span}, ${plural(facts.actors.length, 'person', 'people')} (${facts.actors.join(', ')}) recorded ${plural(facts.events, 'event')} on ${plural(facts.devices, 'device')} for ${project}${file}.`
	];
	const undos = facts.decisions.filter((d) => d.action.startsWith('undo') || d.action.startsWith('withdraw')).length;
	out.push(
		facts.respondentsByAction.size
			? `Decisions by respondent: ${ranked(facts.respondentsByAction)}. Reasons given: ${ranked(facts.respondentsByReason)}.${undos ? ` ${plural(undos, 'decision step')} taken back.` : ''}`
			: 'No cleaning decisions were recorded.'
	);
	out.push(facts.exports ? `${plural(facts.exports, 'export')} of data, reports or the audit trail.` : 'Nothing was exported.');
	out.push(
		verdict.ok
			? `Integrity: the trail verifies intact; every event's SHA-256 hash matches and every chain reaches its last verified head.`
			: `Integrity: the trail is BROKEN at device ${verdict.device ?? '?'}, event ${verdict.seq} (${verdict.reason}); events from there on cannot be trusted.`
	);
	out.push(highRisk ? `${plural(highRisk, 'high-risk action')} (listed with their reasons in the timeline).` : 'No high-risk actions.');
	out.push(anomalies.length ? `Unusual activity: ${anomalies.map((a) => a.explanation).join(' ')}` : 'No unusual activity was flagged.');
	return out;
}
