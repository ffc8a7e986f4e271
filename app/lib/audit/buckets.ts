import type { AuditEvent } from './events';

export type BucketUnit = 'hour' | 'day';

/** Event counts per hour or day and per type, for a stacked bar chart. */
export type EventBuckets = {
	unit: BucketUnit;
	/** Bucket starts in the viewer's zone: `YYYY-MM-DD` or `YYYY-MM-DDTHH:00`. */
	labels: string[];
	series: { type: string; counts: number[] }[];
};

const HOUR = 3_600_000;
const MAX_HOURS = 72;

/**
 * Buckets events by the hour when they span at most three days, else by the day, with every
 * bucket between the first and the last event present (empty ones as 0) so gaps show as gaps.
 * `offsetMinutes`: the viewer's zone, east of UTC positive (`-new Date().getTimezoneOffset()`).
 */
export function bucketEvents(events: readonly Pick<AuditEvent, 'time' | 'type'>[], offsetMinutes = 0): EventBuckets {
	const times = events.map((e) => Date.parse(e.time) + offsetMinutes * 60_000);
	let first = Infinity;
	let last = -Infinity;
	for (const t of times) {
		if (t < first) first = t;
		if (t > last) last = t;
	}
	if (first === Infinity) return { unit: 'hour', labels: [], series: [] };
	const unit: BucketUnit = last - first <= MAX_HOURS * HOUR ? 'hour' : 'day';
	const size = unit === 'hour' ? HOUR : 24 * HOUR;
	const start = Math.floor(first / size);
	const count = Math.floor(last / size) - start + 1;
	const labels = Array.from({ length: count }, (_, i) => {
		const iso = new Date((start + i) * size).toISOString();
		return unit === 'hour' ? `${iso.slice(0, 13)}:00` : iso.slice(0, 10);
	});
	const byType = new Map<string, number[]>();
	events.forEach((e, i) => {
		if (Number.isNaN(times[i])) return;
		let counts = byType.get(e.type);
		if (!counts) byType.set(e.type, (counts = new Array<number>(count).fill(0)));
		counts[Math.floor(times[i] / size) - start]++;
	});
	const series = [...byType].map(([type, counts]) => ({ type, counts })).sort((a, b) => (a.type < b.type ? -1 : 1));
	return { unit, labels, series };
}
