import type { DeviceEvent, RespondentId } from '../events';

/** One decision or undo as the report lists it: who, what, why and on which respondents. */
export type DecisionLine = {
	time: string;
	actor: string;
	action: string;
	reason: string;
	respondents: RespondentId[];
	variable?: string;
	bulk: boolean;
};

/** What the audit trail says about the project, read from the events alone (app and CLI alike). */
export type AuditFacts = {
	/** The project's latest name (its `project` event, then renames), or null when no chain holds it. */
	name: string | null;
	/** The latest imported file. */
	file: { name: string; sha256: string; rows: number; variables: number } | null;
	from: string | null;
	to: string | null;
	events: number;
	actors: string[];
	devices: number;
	decisions: DecisionLine[];
	/** Respondents per action and per reason, over decisions (undos not subtracted). */
	respondentsByAction: Map<string, number>;
	respondentsByReason: Map<string, number>;
	exports: number;
};

const AUTOMATIC = new Set(['chain-start', 'witness']);

export function auditFacts(all: readonly DeviceEvent[]): AuditFacts {
	const events = all.filter((e) => !AUTOMATIC.has(e.type)).sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
	let name: string | null = null;
	let file: AuditFacts['file'] = null;
	const decisions: DecisionLine[] = [];
	const byAction = new Map<string, number>();
	const byReason = new Map<string, number>();
	let exports = 0;
	for (const e of events) {
		const p = e.payload;
		if (e.type === 'project' && typeof p.name === 'string') name = p.name;
		else if (e.type === 'setting-change' && p.key === 'name' && typeof p.after === 'string') name = p.after;
		else if (e.type === 'import' && typeof p.file === 'string')
			file = { name: p.file, sha256: String(p.sha256 ?? ''), rows: Number(p.rows ?? 0), variables: Number(p.variables ?? 0) };
		else if (e.type === 'export') exports++;
		else if (e.type === 'decision' || e.type === 'decision-undo' || e.type === 'decision-redo') {
			const line = decisionLine(e);
			decisions.push(line);
			if (e.type !== 'decision') continue;
			const n = line.respondents.length || 1;
			byAction.set(line.action, (byAction.get(line.action) ?? 0) + n);
			byReason.set(line.reason || '(no reason)', (byReason.get(line.reason || '(no reason)') ?? 0) + n);
		}
	}
	return {
		name,
		file,
		from: events[0]?.time ?? null,
		to: events.at(-1)?.time ?? null,
		events: events.length,
		actors: [...new Set(events.map((e) => e.actor))].sort(),
		devices: new Set(all.map((e) => e.device)).size,
		decisions,
		respondentsByAction: byAction,
		respondentsByReason: byReason,
		exports
	};
}

function decisionLine(e: DeviceEvent): DecisionLine {
	const p = e.payload;
	const respondents = Array.isArray(p.respondents)
		? p.respondents.filter((r): r is RespondentId => typeof r === 'string' || typeof r === 'number')
		: [];
	const actions = Array.isArray(p.actions) ? p.actions.map(String) : [];
	const action =
		e.type === 'decision'
			? String(p.action)
			: `${e.type === 'decision-redo' ? 'redo' : p.via === 'withdraw' ? 'withdraw' : 'undo'}${actions.length ? ` ${[...new Set(actions)].join('/')}` : ''}`;
	return {
		time: e.time,
		actor: e.actor,
		action,
		reason: typeof p.reason === 'string' ? p.reason : '',
		respondents,
		...(typeof p.variable === 'string' ? { variable: p.variable } : {}),
		bulk: p.bulk === true
	};
}
