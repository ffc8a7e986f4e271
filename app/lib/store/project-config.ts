import type { EventInput, JsonValue } from '../audit/events';
import type { RuleConfig, SieveConfig } from '../engine/api';
import { getAuditLog } from './audit-log';
import type { SieveDb } from './db';

const ruleDef = (r: RuleConfig) => ({ when: r.when, severity: r.severity ?? 'warning', message: r.message ?? '' });
const json = (v: unknown) => JSON.parse(JSON.stringify(v ?? null)) as JsonValue;

/**
 * Saves a project's check settings: one `rule-change` event per added, edited or deleted rule and
 * one `setting-change` for the rest, all written in one transaction with the change itself.
 */
export async function saveProjectConfig(db: SieveDb, projectId: string, before: SieveConfig, after: SieveConfig): Promise<void> {
	const old = new Map((before.rules ?? []).map((r) => [r.id, r]));
	const now = new Map((after.rules ?? []).map((r) => [r.id, r]));
	const events: EventInput[] = [];
	for (const [id, r] of now) {
		const was = old.get(id);
		if (!was) events.push({ type: 'rule-change', payload: { op: 'add', rule: id, after: ruleDef(r) } });
		else if (JSON.stringify(ruleDef(was)) !== JSON.stringify(ruleDef(r)))
			events.push({ type: 'rule-change', payload: { op: 'edit', rule: id, before: ruleDef(was), after: ruleDef(r) } });
	}
	for (const [id, r] of old)
		if (!now.has(id)) events.push({ type: 'rule-change', payload: { op: 'delete', rule: id, before: ruleDef(r) } });
	const { rules: _b, ...restBefore } = before;
	const { rules: _a, ...restAfter } = after;
	events.push({ type: 'setting-change', payload: { key: 'config', before: json(restBefore), after: json(restAfter) } });
	await getAuditLog(db).recordEvents(projectId, events, () => db.projects.update(projectId, { config: after, updatedAt: Date.now() }));
}

/**
 * Stores a CONFIG a collaborator saved (it reached this browser through the project doc). No
 * audit event here: the author's own chain recorded the change and replicates with the doc.
 */
export async function receiveProjectConfig(db: SieveDb, projectId: string, config: SieveConfig): Promise<void> {
	await db.projects.update(projectId, { config, updatedAt: Date.now() });
}
