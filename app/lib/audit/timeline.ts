import { canonicalize } from './canonical-json';
import type { DeviceEvent } from './events';
import { classifyEvent, type Classification } from './classify/classify';
import type { RiskLevel } from './risk';

export type TimelineFilter = {
	types?: readonly string[];
	actors?: readonly string[];
	devices?: readonly string[];
	/** Inclusive ISO-8601 bounds, compared as instants. */
	from?: string;
	to?: string;
	/** Minimum risk level shown. */
	risk?: RiskLevel;
	/** Case-insensitive words that must all occur in the type, actor, device or payload. */
	query?: string;
};

export type TimelineEntry = DeviceEvent & { risk: RiskLevel; reasons: string[] } & Pick<
		Classification,
		'category' | 'confidence' | 'source' | 'review'
	>;

const RANK: Record<RiskLevel, number> = { low: 0, medium: 1, high: 2 };

/** The events of every chain, newest first, with their risk, narrowed by the filter. */
export function timeline(events: readonly DeviceEvent[], filter: TimelineFilter = {}): TimelineEntry[] {
	const from = filter.from ? Date.parse(filter.from) : -Infinity;
	const to = filter.to ? Date.parse(filter.to) : Infinity;
	const words = (filter.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
	const out: TimelineEntry[] = [];
	for (const e of events) {
		if (filter.types && !filter.types.includes(e.type)) continue;
		if (filter.actors && !filter.actors.includes(e.actor)) continue;
		if (filter.devices && !filter.devices.includes(e.device)) continue;
		const t = Date.parse(e.time);
		if (t < from || t > to) continue;
		const entry = timelineEntry(e);
		if (filter.risk && RANK[entry.risk] < RANK[filter.risk]) continue;
		if (words.length) {
			const haystack = `${e.type} ${e.actor} ${e.device} ${canonicalize(e.payload)}`.toLowerCase();
			if (!words.every((w) => haystack.includes(w))) continue;
		}
		out.push(entry);
	}
	return out.sort((a, b) => Date.parse(b.time) - Date.parse(a.time) || (a.device < b.device ? -1 : 1) || b.seq - a.seq);
}

/** An event with its category, risk and how sure those are. */
export function timelineEntry(e: DeviceEvent): TimelineEntry {
	const { risk, reasons, category, confidence, source, review } = classifyEvent(e);
	return { ...e, risk, reasons, category, confidence, source, review };
}
