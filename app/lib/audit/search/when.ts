import { words } from './tokens';

/** A time window named in a query, as instants (ms), and the words it used. */
export type TimeWindow = { from: number; to: number; words: string[]; label: string };

const DAY = 86_400_000;
const UNITS: Record<string, number> = {
	hour: DAY / 24,
	hours: DAY / 24,
	day: DAY,
	days: DAY,
	week: 7 * DAY,
	weeks: 7 * DAY,
	month: 30 * DAY,
	months: 30 * DAY
};
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/**
 * Reads the first time phrase of a query: today, yesterday, this/last week (Monday to Sunday),
 * this/last month, last/past N hours|days|weeks, a weekday ("on monday": the latest one before
 * today), a month name ("in october": the latest one), or a date `YYYY-MM-DD`. Days and weeks are
 * those of the viewer's zone (`tzOffsetMinutes` east of UTC).
 */
export function parseWhen(query: string, now: number, tzOffsetMinutes = 0): TimeWindow | null {
	const w = words(query);
	const shift = tzOffsetMinutes * 60_000;
	const today = Math.floor((now + shift) / DAY) * DAY - shift;
	const dayWindow = (start: number, days: number, used: string[], label: string): TimeWindow => ({
		from: start,
		to: start + days * DAY - 1,
		words: used,
		label
	});
	const monday = today - ((new Date(today + shift).getUTCDay() + 6) % 7) * DAY;
	const iso = query.match(/\b(\d{4}-\d{2}-\d{2})\b/);
	if (iso) {
		const start = Date.parse(`${iso[1]}T00:00:00Z`) - shift;
		if (!Number.isNaN(start)) return dayWindow(start, 1, words(iso[1]), iso[1]);
	}
	for (let i = 0; i < w.length; i++) {
		const [a, b, c] = [w[i], w[i + 1], w[i + 2]];
		if (a === 'today') return dayWindow(today, 1, [a], 'today');
		if (a === 'yesterday') return dayWindow(today - DAY, 1, [a], 'yesterday');
		if ((a === 'last' || a === 'past' || a === 'previous') && b && /^\d+$/.test(b) && c && UNITS[c]) {
			return { from: now - Number(b) * UNITS[c], to: now, words: [a, b, c], label: `${a} ${b} ${c}` };
		}
		if ((a === 'this' || a === 'last' || a === 'previous') && b === 'week') {
			const start = a === 'this' ? monday : monday - 7 * DAY;
			return dayWindow(start, 7, [a, b], `${a} week`);
		}
		if ((a === 'this' || a === 'last' || a === 'previous') && b === 'month') {
			const d = new Date(today + shift);
			const first = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - (a === 'this' ? 0 : 1), 1) - shift;
			const next = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + (a === 'this' ? 1 : 0), 1) - shift;
			return { from: first, to: next - 1, words: [a, b], label: `${a} month` };
		}
		const weekday = WEEKDAYS.indexOf(a);
		if (weekday >= 0) {
			const back = (new Date(today + shift).getUTCDay() - weekday + 7) % 7 || 7;
			return dayWindow(today - back * DAY, 1, [a], a);
		}
		const month = MONTHS.indexOf(a);
		if (month >= 0 && (w[i - 1] === 'in' || w[i - 1] === 'during' || w[i - 1] === 'since')) {
			const d = new Date(today + shift);
			const year = month <= d.getUTCMonth() ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
			const next = w[i - 1] === 'since' ? now + shift + 1 : Date.UTC(year, month + 1, 1);
			return { from: Date.UTC(year, month, 1) - shift, to: next - shift - 1, words: [a], label: `${w[i - 1]} ${a}` };
		}
	}
	return null;
}
