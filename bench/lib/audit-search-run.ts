import { detectAnomalies } from '../../app/lib/audit/anomalies';
import { buildSearchIndex, searchEvents } from '../../app/lib/audit/search/index';
import { simulateActivity } from '../../app/lib/audit/simulate/activity';

/** Questions timed by the audit search bench (a mix of narrow and very broad ones). */
export const QUESTIONS = [
	'who excluded respondents for speeding last week',
	'exports with identifying data',
	'undo by tom',
	'respondent NG-01234',
	'rule changes in the past 30 days',
	'straightliners',
	'comments by ana yesterday',
	'decisions'
];

export type AuditSearchTiming = { events: number; generateMs: number; buildMs: number; searchMs: number[]; anomaliesMs: number };

/** About 70 events per five-person team and day: the teams and days that give `n` events. */
function shape(n: number): { teams: number; days: number } {
	const teams = Math.max(1, Math.round(n / 50_000));
	return { teams, days: Math.ceil(n / (65 * teams)) };
}

/** Runs in Node and, bundled, in Chromium: the same code times both. */
export function timeAuditSearch(n: number): AuditSearchTiming {
	let t = performance.now();
	const events = simulateActivity({ ...shape(n), plant: 3 }).events.slice(0, n);
	const generateMs = performance.now() - t;
	const now = Date.parse(events[events.length - 1].time);
	t = performance.now();
	const index = buildSearchIndex(events);
	const buildMs = performance.now() - t;
	const searchMs = QUESTIONS.map((q) => {
		t = performance.now();
		searchEvents(index, q, { now, limit: 20 });
		return performance.now() - t;
	});
	t = performance.now();
	detectAnomalies(events);
	return { events: events.length, generateMs, buildMs, searchMs, anomaliesMs: performance.now() - t };
}
