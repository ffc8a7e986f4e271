import type { AuditPayloads, DeviceEvent } from '../events';
import type { Anomaly } from './types';

export type Feedback = AuditPayloads['anomaly-feedback'];
/** Who said "not a problem", when, and where that is recorded in the audit trail. */
export type FeedbackRef = { device?: string; seq: number; actor: string; time: string; note?: string };
export type Dismissed = { anomaly: Anomaly; by: FeedbackRef };

export const FEEDBACK_RULES = {
	/** A flag is similar to a dismissed one within this many hours of the same time of day… */
	hours: 2,
	/** …and up to this multiple of its size; a much larger one is shown again. */
	factor: 2
};

/** The payload recorded when a reviewer marks an anomaly "not a problem". */
export function feedbackFor(anomaly: Anomaly, note?: string): Feedback {
	const { kind, actor, from, to, magnitude, hour } = anomaly;
	return { verdict: 'not-a-problem', kind, actor, from, to, magnitude, hour, ...(note ? { note } : {}) };
}

/**
 * Splits flags into those still open and those silenced by a recorded "not a problem" on the same
 * or a similar flag: same kind and actor, about the same time of day, not much larger.
 */
export function applyFeedback(
	anomalies: readonly Anomaly[],
	events: readonly Pick<DeviceEvent, 'type' | 'payload' | 'seq' | 'actor' | 'time'>[],
	rules = FEEDBACK_RULES
): { open: Anomaly[]; dismissed: Dismissed[] } {
	const given = events.filter((e) => e.type === 'anomaly-feedback' && e.payload.verdict === 'not-a-problem');
	const open: Anomaly[] = [];
	const dismissed: Dismissed[] = [];
	for (const a of anomalies) {
		const match = given.find((e) => similar(a, e.payload as Feedback, rules));
		if (!match) {
			open.push(a);
			continue;
		}
		const device = (match as { device?: string }).device;
		const note = typeof match.payload.note === 'string' ? match.payload.note : undefined;
		dismissed.push({
			anomaly: a,
			by: { ...(device === undefined ? {} : { device }), seq: match.seq, actor: match.actor, time: match.time, ...(note ? { note } : {}) }
		});
	}
	return { open, dismissed };
}

function similar(a: Anomaly, f: Feedback, rules: typeof FEEDBACK_RULES): boolean {
	if (f.kind !== a.kind || f.actor !== a.actor) return false;
	const apart = Math.abs(a.hour - f.hour);
	return Math.min(apart, 24 - apart) <= rules.hours && a.magnitude <= rules.factor * Math.max(1, f.magnitude);
}
