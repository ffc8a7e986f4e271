import type { PromptVersionRecord } from '../prompts/types';
import { getAuditLog } from './audit-log';
import type { SieveDb } from './db';
import type { LlmSettingsRow } from './llm-rows';

/** The project's stored prompt versions. */
export async function loadPromptVersions(db: SieveDb, projectId: string): Promise<PromptVersionRecord[]> {
	const rows = await db.promptVersions.where('projectId').equals(projectId).toArray();
	return rows.map(({ projectId: _, ...r }) => r);
}

/**
 * Stores versions the project lacks (versions are immutable: an id already stored is left as it
 * is) with one `prompt-change` audit event per version written here; `received` versions came from
 * a collaborator, whose own chain recorded them.
 */
export async function savePromptVersions(
	db: SieveDb,
	projectId: string,
	records: readonly PromptVersionRecord[],
	how: 'edit' | 'rollback' | 'import' | 'received'
): Promise<number> {
	const known = new Set((await db.promptVersions.where('projectId').equals(projectId).primaryKeys()) as string[]);
	const fresh = records.filter((r) => !known.has(r.id));
	if (how === 'received') {
		await db.promptVersions.bulkAdd(fresh.map((r) => ({ ...r, projectId })));
		return fresh.length;
	}
	const log = getAuditLog(db);
	for (const r of fresh) {
		await log.recordEvent(
			projectId,
			'prompt-change',
			{ op: how, prompt: r.promptId, version: r.id, ...(r.rollbackOf ? { rollbackOf: r.rollbackOf } : {}) },
			() => db.promptVersions.add({ ...r, projectId })
		);
	}
	return fresh.length;
}

export const LLM_OFF = (projectId: string): LlmSettingsRow => ({ projectId, enabled: false, language: 'en', model: '' });

export async function loadLlmSettings(db: SieveDb, projectId: string): Promise<LlmSettingsRow> {
	return (await db.llmSettings.get(projectId)) ?? LLM_OFF(projectId);
}

/** Saves the switch with a `setting-change` event in the same transaction. */
export async function saveLlmSettings(db: SieveDb, after: LlmSettingsRow): Promise<void> {
	const before = await loadLlmSettings(db, after.projectId);
	const { projectId: _b, ...b } = before;
	const { projectId: _a, ...a } = after;
	await getAuditLog(db).recordEvent(after.projectId, 'setting-change', { key: 'llm', before: b, after: a }, () =>
		db.llmSettings.put(after)
	);
}
