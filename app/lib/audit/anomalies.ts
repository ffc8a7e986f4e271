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
	const byActor = new Map<string, { t: number; e: Ev }[]>();
	for (const e of events) {
		const t = Date.parse(e.time);
		if (AUTOMATIC.has(e.type) || Number.isNaN(t)) continue;
		const list = byActor.get(e.actor);
		if (list) list.push({ t, e });
		else byActor.set(e.actor, [{ t, e }]);
	}
	const found: Anomaly[] = [];
	for (const [actor, timed] of byActor) {
		// Parsed once: sorting by Date.parse in the comparator costs more than the detection at 1M events.
		const list = timed.sort((a, b) => a.t - b.t).map((x) => x.e);
		found.push(...hourlyAnomalies(actor, list, rules), ...exportBursts(actor, list, rules), ...exportsAfterReversal(actor, list, rules));
	}
	return found.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}
