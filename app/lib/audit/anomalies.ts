import { exportBursts, exportsAfterReversal } from './anomaly/exports';
import { hourlyAnomalies } from './anomaly/hourly';
import { ANOMALY_RULES, type Anomaly, type Ev } from './anomaly/types';

export { ANOMALY_RULES, tally, type Anomaly, type AnomalyKind, type AnomalyRules } from './anomaly/types';

const AUTOMATIC = new Set(['chain-start', 'witness', 'anomaly-feedback']);

/**
 * Unusual activity, each with its reasons in words: hours with exclusions far above an actor's
 * usual, changes at hours unusual for them, repeated exports, and data exports right after a large
 * reversal of decisions. Thresholds are in `rules`; feedback is applied by `applyFeedback`.
 */
export function detectAnomalies(events: readonly Ev[], rules = ANOMALY_RULES): Anomaly[] {
	const byActor = new Map<string, Ev[]>();
	for (const e of events) {
		if (AUTOMATIC.has(e.type) || Number.isNaN(Date.parse(e.time))) continue;
		const list = byActor.get(e.actor);
		if (list) list.push(e);
		else byActor.set(e.actor, [e]);
	}
	const found: Anomaly[] = [];
	for (const [actor, list] of byActor) {
		list.sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
		found.push(...hourlyAnomalies(actor, list, rules), ...exportBursts(actor, list, rules), ...exportsAfterReversal(actor, list, rules));
	}
	return found.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}
