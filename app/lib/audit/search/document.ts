import type { DeviceEvent, JsonValue } from '../events';

/** A searchable field of an event: its name (as results show it) and the text found there. */
export type EventField = { field: string; value: string };

/** How much a match in each field counts; an action or reason says more than a free comment. */
export const FIELD_WEIGHTS: Record<string, number> = {
	type: 1.5,
	action: 2,
	reason: 2,
	actor: 1.5,
	format: 1.5,
	variable: 1.5,
	rule: 1.5,
	setting: 1.5,
	file: 1,
	identifying: 1.5,
	respondent: 1,
	finding: 0.8,
	state: 1,
	comment: 1,
	note: 1
};

const PAYLOAD_FIELDS: [string, string][] = [
	['action', 'action'],
	['reason', 'reason'],
	['variable', 'variable'],
	['rule', 'rule'],
	['key', 'setting'],
	['format', 'format'],
	['file', 'file'],
	['finding', 'finding'],
	['state', 'state'],
	['text', 'comment'],
	['note', 'note'],
	['assignee', 'actor'],
	['name', 'file'],
	['view', 'action'],
	['op', 'action']
];

/** The fields of one event the search index reads; respondent ids and identifying variables included. */
export function eventFields(e: Pick<DeviceEvent, 'type' | 'actor' | 'payload'>): EventField[] {
	const out: EventField[] = [
		{ field: 'type', value: e.type },
		{ field: 'actor', value: e.actor }
	];
	const p = e.payload;
	for (const [key, field] of PAYLOAD_FIELDS) {
		const v = p[key];
		if (typeof v === 'string' && v) out.push({ field, value: v });
	}
	const ids = list(p.respondents);
	if (p.respondent !== undefined) ids.push(p.respondent);
	if (ids.length) out.push({ field: 'respondent', value: ids.length === 1 ? String(ids[0]) : ids.join(' ') });
	const identifying = list(p.identifying);
	if (identifying.length) out.push({ field: 'identifying', value: `identifying ${identifying.join(' ')}` });
	if (Array.isArray(p.mentions) && p.mentions.length) out.push({ field: 'actor', value: p.mentions.join(' ') });
	return out;
}

const list = (v: JsonValue | undefined): JsonValue[] => (Array.isArray(v) ? [...v] : []);
