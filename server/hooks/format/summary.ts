/** The generic body, `{type, timestamp, room, data}`, that every format is rendered from. */
export interface HookEvent {
	type: string;
	/** ISO-8601 */
	timestamp: string;
	room: string | null;
	/** counts and ids; alert rules may pass other JSON */
	data: Record<string, unknown>;
}

const TITLES: Record<string, string> = {
	'check-run.finished': 'Check run finished',
	'anomaly.detected': 'Unusual activity detected',
	'approval.requested': 'Approval requested',
	'approval.given': 'Approval given',
	'export.created': 'Export created',
	'audit.broken': 'Audit chain broken',
	'alert.fired': 'Alert fired',
	'hook.test': 'Test notification'
};

/** A human title for the event: its name in words, with the room when there is one. */
export const titleOf = (event: HookEvent) =>
	`Sieve: ${TITLES[event.type] ?? event.type}${event.room === null ? '' : ` (project room ${event.room})`}`;

/** The event's data as `[label, value]` lines, values written out for people. */
export const factsOf = (event: HookEvent): Array<[string, string]> =>
	Object.entries(event.data).map(([key, value]) => [key, written(value)]);

const written = (value: unknown): string => {
	if (Array.isArray(value)) return value.map(written).join(', ');
	return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
};
