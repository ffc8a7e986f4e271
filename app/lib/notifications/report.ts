import type { EventData, HookEventType } from '../../../server/protocol/hooks';
import type { Anomaly } from '../audit/anomalies';
import type { AuditBreak } from '../audit/verify-audit';
import type { RunSummary } from '../engine/api';
import { getMembership } from '../collab/membership';
import { getDb } from '../store/db';
import { reportEvent } from './relay-hooks';

/**
 * Tells the relay room of a shared project that `type` happened, so the owner's webhooks fire.
 * Counts and ids only, never answers. Nothing is sent for a project that is not shared, or by a
 * viewer; best effort: an offline or refusing relay is logged, never thrown (the work itself succeeded).
 *
 * @param relay the relay's origin; the app is served by its relay
 */
export async function reportProjectEvent(
	projectId: string,
	type: HookEventType,
	data: EventData,
	relay = globalThis.location?.origin
): Promise<boolean> {
	const membership = await getMembership(getDb(), projectId);
	if (!membership || membership.role === 'viewer' || !relay) return false;
	try {
		await reportEvent({ relay, room: membership.room, token: membership.token }, type, data);
		return true;
	} catch (error) {
		console.warn('event not reported to the relay', error);
		return false;
	}
}

const reported = new Set<string>();

/** {@link reportProjectEvent}, each distinct event at most once while the app is open (a broken chain stays broken on every verification). */
export function reportProjectEventOnce(projectId: string, type: HookEventType, data: EventData, relay = globalThis.location?.origin): void {
	const full = JSON.stringify([projectId, type, data]);
	if (reported.has(full)) return;
	reported.add(full);
	void reportProjectEvent(projectId, type, data, relay);
}

/** What `audit.broken` says: where the first break is and its kind, never the event's content. */
export const auditBrokenEvent = ({ device, chain, seq, reason }: AuditBreak): EventData => ({ device, chain, seq, reason });

/** What `anomaly.detected` says: how many stretches of which kinds since when, never who or what. */
export const anomalyEvent = (anomalies: readonly Anomaly[]): EventData => ({
	anomalies: anomalies.length,
	kinds: [...new Set(anomalies.map((a) => a.kind))].sort(),
	events: anomalies.reduce((sum, a) => sum + a.events.length, 0),
	since: anomalies.map((a) => a.from).sort()[0] ?? null
});

/** What `check-run.finished` says about a run: how many checks, respondents and flags, by verdict. */
export function checkRunEvent(summary: RunSummary, checks: string[]): EventData {
	const outcomes = summary.outcomes.filter((o) => checks.includes(o.id));
	return {
		checks: checks.length,
		respondents: summary.rows,
		flags: outcomes.reduce((sum, o) => sum + o.flagged, 0),
		...summary.verdicts,
		checkIds: checks
	};
}
