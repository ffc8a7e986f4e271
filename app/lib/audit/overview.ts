import { detectAnomalies, ANOMALY_RULES, type Anomaly } from './anomalies';
import { applyFeedback, type Dismissed } from './anomaly/feedback';
import type { DeviceEvent } from './events';
import { CATEGORIES, type Category } from './classify/categories';
import { classifyEvent } from './classify/classify';
import type { RiskLevel } from './risk';
import { dailySummary } from './summary';

export type ActorActivity = {
	actor: string;
	events: number;
	decisions: number;
	excluded: number;
	exports: number;
	first: string;
	last: string;
};

/** What the audit view's summary panel shows and `sieve audit … summary` prints. */
export type AuditOverview = {
	events: number;
	devices: number;
	from: string | null;
	to: string | null;
	types: Record<string, number>;
	risk: Record<RiskLevel, number>;
	categories: Record<Category, number>;
	/** Events of types this version does not know whose category the model is unsure of. */
	review: number;
	actors: ActorActivity[];
	anomalies: { open: number; dismissed: number };
	/** The day summarised in `text` (the latest with events unless asked), in the zone of the rules. */
	day: string | null;
	text: string;
};

const AUTOMATIC = new Set(['chain-start', 'witness']);

/** The anomaly list as the audit view shows it: flags still open, and those a "not a problem" silenced. */
export function anomalyReport(events: readonly DeviceEvent[], rules = ANOMALY_RULES): { open: Anomaly[]; dismissed: Dismissed[] } {
	return applyFeedback(detectAnomalies(events, rules), events);
}

export function auditOverview(events: readonly DeviceEvent[], options: { day?: string; rules?: typeof ANOMALY_RULES } = {}): AuditOverview {
	const rules = options.rules ?? ANOMALY_RULES;
	const shown = events.filter((e) => !AUTOMATIC.has(e.type) && !Number.isNaN(Date.parse(e.time)));
	const types: Record<string, number> = {};
	const risk: Record<RiskLevel, number> = { low: 0, medium: 0, high: 0 };
	const categories = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
	let review = 0;
	const actors = new Map<string, ActorActivity>();
	let from: string | null = null;
	let to: string | null = null;
	for (const e of shown) {
		types[e.type] = (types[e.type] ?? 0) + 1;
		const c = classifyEvent(e);
		risk[c.risk]++;
		categories[c.category]++;
		if (c.review) review++;
		const a = actors.get(e.actor) ?? { actor: e.actor, events: 0, decisions: 0, excluded: 0, exports: 0, first: e.time, last: e.time };
		a.events++;
		if (e.type === 'decision') a.decisions++;
		if (e.type === 'decision' && e.payload.action === 'exclude')
			a.excluded += Array.isArray(e.payload.respondents) ? e.payload.respondents.length : 1;
		if (e.type === 'export') a.exports++;
		if (Date.parse(e.time) < Date.parse(a.first)) a.first = e.time;
		if (Date.parse(e.time) > Date.parse(a.last)) a.last = e.time;
		actors.set(e.actor, a);
		if (from === null || Date.parse(e.time) < Date.parse(from)) from = e.time;
		if (to === null || Date.parse(e.time) > Date.parse(to)) to = e.time;
	}
	const { open, dismissed } = anomalyReport(events, rules);
	const day = options.day ?? (to ? new Date(Date.parse(to) + rules.tzOffsetMinutes * 60_000).toISOString().slice(0, 10) : null);
	return {
		events: shown.length,
		devices: new Set(events.map((e) => e.device)).size,
		from,
		to,
		types,
		risk,
		categories,
		review,
		actors: [...actors.values()].sort((a, b) => b.events - a.events || (a.actor < b.actor ? -1 : 1)),
		anomalies: { open: open.length, dismissed: dismissed.length },
		day,
		text: day ? dailySummary(events, day, rules) : ''
	};
}
