import { createRng, type Rng } from '../../demo/rng';
import type { DeviceEvent, EventInput, JsonObject } from '../events';
import { COMMENTS, REASONS, RULES, SETTINGS, TEAM, VARIABLES, type SimActor } from './team';

export type PlantedKind = 'night-mass-exclusion' | 'export-after-reversal';

/** A suspicious session written into the log on purpose: the truth detectors are measured against. */
export type PlantedSession = { kind: PlantedKind; actor: string; events: { device: string; seq: number }[] };

export type SimOptions = {
	seed?: number;
	/** First day (UTC midnight) of the simulated fieldwork. */
	start?: string;
	days?: number;
	/** Copies of the five-person team (names get a suffix), to reach large logs. */
	teams?: number;
	/** Planted suspicious sessions of each kind. */
	plant?: number;
};

export type SimulatedActivity = {
	project: string;
	actors: SimActor[];
	/** Every event of every device in chain order; `prev` and `hash` are empty (see `hashSimulated`). */
	events: DeviceEvent[];
	planted: PlantedSession[];
};

type Draft = { actor: SimActor; time: number; input: EventInput; plant?: number };

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const CHECKS = Object.keys(REASONS);

/**
 * A realistic activity log of a survey-cleaning team: imports, check runs, many small decisions
 * with free-text reasons, occasional bulk exclusions, comments, undos, rule and setting changes,
 * multi-format export bursts at the end of the owner's day, and (optionally) planted suspicious
 * sessions: mass exclusions in a reviewer's night, and a data export right after a big reversal.
 */
export function simulateActivity(options: SimOptions = {}): SimulatedActivity {
	const { seed = 1, start = '2026-09-07T00:00:00.000Z', days = 30, teams = 1, plant = 1 } = options;
	const rng = createRng(seed);
	const actors = Array.from({ length: teams }, (_, t) =>
		TEAM.map((a) => (t === 0 ? { ...a } : { ...a, name: `${a.name}-${t + 1}`, device: `${a.device}-${t + 1}` }))
	).flat();
	const t0 = Date.parse(start);
	const drafts: Draft[] = [];
	let respondent = 1000;
	const ids = () => `NG-${String(respondent++ % 9000).padStart(5, '0')}`;
	for (let day = 0; day < days; day++) {
		for (const actor of actors) {
			const weekday = new Date(t0 + day * DAY + actor.tzOffsetMinutes * MINUTE).getUTCDay();
			if ((weekday === 0 || weekday === 6) && !rng.chance(0.08)) continue;
			if (!rng.chance(0.85)) continue;
			const begin = t0 + day * DAY + (actor.startHour * 60 - actor.tzOffsetMinutes + rng.normal() * 40) * MINUTE;
			const session = actor.role === 'owner' ? ownerSession(rng, day) : reviewerSession(rng, ids);
			drafts.push(...timed(rng, actor, begin, session));
		}
	}
	const planted: Draft[][] = [];
	for (let p = 0; p < plant; p++) {
		const team = rng.int(0, teams - 1) * TEAM.length;
		const day = t0 + Math.floor(((p + 0.5) / plant) * days) * DAY;
		planted.push(nightExclusions(rng, actors[team + 3], day, ids), reversalExport(rng, actors[team + 1], day + DAY, ids));
	}
	planted.forEach((group, i) => group.forEach((d) => drafts.push({ ...d, plant: i })));
	return assemble(`survey-${seed}`, actors, drafts, planted);
}

function assemble(project: string, actors: SimActor[], drafts: Draft[], planted: Draft[][]): SimulatedActivity {
	drafts.sort((a, b) => a.time - b.time);
	const seqs = new Map<string, number>();
	const events: DeviceEvent[] = [];
	const refs: { device: string; seq: number }[][] = planted.map(() => []);
	for (const a of actors) {
		seqs.set(a.device, 1);
		events.push(event(a.device, 0, a.name, drafts[0]?.time ?? 0, { type: 'chain-start', payload: { device: a.device, project } }));
	}
	for (const d of drafts) {
		const seq = seqs.get(d.actor.device)!;
		seqs.set(d.actor.device, seq + 1);
		events.push(event(d.actor.device, seq, d.actor.name, d.time, d.input));
		if (d.plant !== undefined) refs[d.plant].push({ device: d.actor.device, seq });
	}
	const kinds: PlantedKind[] = ['night-mass-exclusion', 'export-after-reversal'];
	return {
		project,
		actors,
		events,
		planted: planted.map((group, i) => ({ kind: kinds[i % 2], actor: group[0].actor.name, events: refs[i] }))
	};
}

function event(device: string, seq: number, actor: string, time: number, input: EventInput): DeviceEvent {
	return {
		device,
		seq,
		time: new Date(time).toISOString(),
		actor,
		type: input.type,
		payload: input.payload as JsonObject,
		prev: '',
		hash: ''
	};
}

/** Spaces a session's events 20 s to `maxGap` s apart, starting at `begin`. */
function timed(rng: Rng, actor: SimActor, begin: number, inputs: EventInput[], maxGap = 360): Draft[] {
	let time = begin;
	return inputs.map((input) => {
		time += rng.uniform(20, maxGap) * 1000;
		return { actor, time, input };
	});
}

function reviewerSession(rng: Rng, ids: () => string): EventInput[] {
	const out: EventInput[] = [];
	if (rng.chance(0.3)) out.push({ type: 'audit-view', payload: { view: 'timeline', ok: true } });
	const n = rng.int(10, 45);
	for (let i = 0; i < n; i++) {
		const check = rng.pick(CHECKS);
		const r = rng.next();
		if (r < 0.55) {
			const respondents = Array.from({ length: rng.chance(0.85) ? 1 : rng.int(2, 4) }, ids);
			out.push({
				type: 'decision',
				payload: { action: 'exclude', respondents, reason: rng.pick(REASONS[check]), finding: `${check}:${respondents[0]}` }
			});
		} else if (r < 0.8) {
			out.push({
				type: 'decision',
				payload: { action: 'keep', respondents: [ids()], reason: rng.pick(['ok', 'plausible', 'checked, fine', 'valid']) }
			});
		} else if (r < 0.88) {
			out.push({
				type: 'decision',
				payload: { action: 'set-missing', respondents: [ids()], variable: rng.pick(VARIABLES), reason: 'out of range' }
			});
		} else if (r < 0.92) {
			out.push({
				type: 'decision',
				payload: { action: 'edit-value', respondents: [ids()], variable: 'age', before: 240, value: 24, reason: 'typo' }
			});
		} else if (r < 0.97) {
			out.push({ type: 'comment', payload: { id: `c-${rng.int(1, 1e9)}`, respondent: ids(), text: rng.pick(COMMENTS) } });
		} else {
			out.push({ type: 'decision-undo', payload: { via: 'undo', decisions: [`d-${rng.int(1, 1e9)}`], removed: 1 } });
		}
	}
	if (rng.chance(0.12)) {
		const check = rng.pick(['speeders', 'duplicates', 'straightlining']);
		const respondents = Array.from({ length: rng.int(20, 160) }, ids);
		out.push({
			type: 'decision',
			payload: { action: 'exclude', respondents, reason: rng.pick(REASONS[check]), bulk: true, skipped: rng.int(0, 5) }
		});
	}
	return out;
}

function ownerSession(rng: Rng, day: number): EventInput[] {
	const out: EventInput[] = [];
	if (day % 7 === 0) {
		const rows = rng.int(800, 4000);
		out.push({
			type: 'import',
			payload: { file: `wave${day / 7 + 1}.sav`, sha256: hex(rng), format: 'sav', rows, variables: 212, mode: 'new' }
		});
	}
	if (rng.chance(0.6)) {
		const checks = CHECKS.map((id) => ({ id, version: 1, flagged: rng.int(0, 120) }));
		out.push({ type: 'check-run', payload: { dataset: 'wave', checks } });
		out.push({ type: 'check-results', payload: { dataset: 'wave', respondents: 3000, keep: 2600, review: 300, remove: 100 } });
	}
	if (rng.chance(0.3)) {
		const rule = rng.pick(RULES);
		out.push({
			type: 'rule-change',
			payload: {
				op: rng.pick(['add', 'edit'] as const),
				rule,
				after: { when: 'age < 18', severity: 'error', message: 'respondent under 18' }
			}
		});
	}
	if (rng.chance(0.15)) out.push({ type: 'setting-change', payload: { key: rng.pick(SETTINGS), before: 0.3, after: 0.25 } });
	if (rng.chance(0.3))
		out.push({ type: 'assignment', payload: { findings: [`f-${rng.int(1, 1e6)}`], assignee: rng.pick(TEAM.slice(1)).name } });
	if (rng.chance(0.3))
		out.push({ type: 'approval', payload: { state: rng.pick(['approved', 'rejected'] as const), decisions: [`d-${rng.int(1, 1e9)}`] } });
	if (rng.chance(0.25)) out.push({ type: 'comment', payload: { id: `c-${rng.int(1, 1e9)}`, text: rng.pick(COMMENTS) } });
	if (rng.chance(0.35)) {
		const formats = ['csv', 'sav', 'xlsx', 'report', 'recipe', 'parquet'] as const;
		for (const format of formats.filter(() => rng.chance(0.75))) {
			out.push({
				type: 'export',
				payload: { format, file: `wave-clean.${format}`, rows: 2900, identifying: format === 'sav' ? ['rid'] : [] }
			});
		}
	}
	if (rng.chance(0.1)) out.push({ type: 'export', payload: { format: 'audit-pdf', identifying: [] } });
	return out;
}

/** A reviewer excluding hundreds of respondents in small batches between 02:00 and 04:00 their time. */
function nightExclusions(rng: Rng, actor: SimActor, day: number, ids: () => string): Draft[] {
	const inputs: EventInput[] = Array.from({ length: 30 }, () => ({
		type: 'decision',
		payload: {
			action: 'exclude',
			respondents: Array.from({ length: rng.int(5, 15) }, ids),
			reason: rng.pick(['cleanup', 'not needed', 'bad'])
		}
	}));
	return timed(rng, actor, day + (2 * 60 - actor.tzOffsetMinutes) * MINUTE, inputs, 90);
}

/** A reviewer undoing a large set of decisions, then exporting the data with identifying variables minutes later. */
function reversalExport(rng: Rng, actor: SimActor, day: number, ids: () => string): Draft[] {
	const decisions = Array.from({ length: 60 }, (_, i) => `d-rev-${i}`);
	const begin = day + ((actor.startHour + 3) * 60 - actor.tzOffsetMinutes) * MINUTE;
	const inputs: EventInput[] = [
		{ type: 'decision-undo', payload: { via: 'undo', decisions, respondents: Array.from({ length: 60 }, ids), removed: 60 } },
		{ type: 'export', payload: { format: 'csv', file: 'wave-full.csv', rows: 3000, identifying: ['rid', 'ip', 'email'] } }
	];
	return timed(rng, actor, begin, inputs);
}

function hex(rng: Rng): string {
	let s = '';
	for (let i = 0; i < 8; i++) s += rng.int(0, 0xffffffff).toString(16).padStart(8, '0');
	return s;
}
