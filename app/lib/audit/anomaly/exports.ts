import { makeAnomaly, MINUTE, plural, tally, type Anomaly, type AnomalyRules, type Ev } from './types';

const AUDIT_FORMATS = /^audit-/;

/**
 * Export bursts: exports by one actor within `burstMinutes` of each other form one stretch. Saving
 * the cleaned data in several formats at once is what people do; the stretch is unusual only when
 * one format is exported again and again, or the stretch is very long.
 */
export function exportBursts(actor: string, list: Ev[], rules: AnomalyRules): Anomaly[] {
	const exports = list.filter((e) => e.type === 'export');
	const found: Anomaly[] = [];
	let start = 0;
	while (start < exports.length) {
		let end = start;
		while (end + 1 < exports.length && Date.parse(exports[end + 1].time) - Date.parse(exports[end].time) <= rules.burstMinutes * MINUTE)
			end++;
		const group = exports.slice(start, end + 1);
		start = end + 1;
		const formats = group.map((e) => String(e.payload.format));
		const counts = new Map<string, number>();
		for (const f of formats) counts.set(f, (counts.get(f) ?? 0) + 1);
		const [topFormat, repeats] = [...counts].sort((a, b) => b[1] - a[1])[0];
		if (repeats < rules.burstRepeats && group.length < rules.burstCount) continue;
		const minutes = Math.max(1, Math.round((Date.parse(group[group.length - 1].time) - Date.parse(group[0].time)) / MINUTE));
		const reason =
			repeats >= rules.burstRepeats
				? `${actor} exported ${topFormat} ${repeats} times within ${plural(minutes, 'minute')} (${tally(formats)}); exporting one format ${rules.burstRepeats} or more times in a row is unusual.`
				: `${actor} exported ${group.length} times within ${plural(minutes, 'minute')} (${tally(formats)}); ${rules.burstCount} or more exports in one stretch is unusual.`;
		found.push(makeAnomaly('export-burst', actor, group, [reason], group.length, rules));
	}
	return found;
}

/** A data export soon after the same actor took back many decisions: the kept/excluded state just changed under it. */
export function exportsAfterReversal(actor: string, list: Ev[], rules: AnomalyRules): Anomaly[] {
	const found: Anomaly[] = [];
	let reversal: Ev | null = null;
	for (const e of list) {
		if (e.type === 'decision-undo' && reversed(e) >= rules.reversalMinimum) reversal = e;
		if (e.type !== 'export' || !reversal || AUDIT_FORMATS.test(String(e.payload.format))) continue;
		const gap = (Date.parse(e.time) - Date.parse(reversal.time)) / MINUTE;
		if (gap > rules.reversalMinutes) {
			reversal = null;
			continue;
		}
		const identifying = Array.isArray(e.payload.identifying) ? e.payload.identifying.map(String) : [];
		const reasons = [
			`${actor} exported ${String(e.payload.format)}${e.payload.file ? ` (${String(e.payload.file)})` : ''} ${Math.max(1, Math.round(gap))} min after taking back ${plural(reversed(reversal), 'decision')}.`
		];
		if (identifying.length) reasons.push(`The export carries identifying variables: ${identifying.join(', ')}.`);
		found.push(makeAnomaly('export-after-reversal', actor, [reversal, e], reasons, reversed(reversal), rules));
		reversal = null;
	}
	return found;
}

function reversed(e: Ev): number {
	const p = e.payload;
	if (Array.isArray(p.decisions)) return p.decisions.length;
	if (typeof p.removed === 'number') return p.removed;
	return 1;
}
