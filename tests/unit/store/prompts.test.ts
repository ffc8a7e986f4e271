import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { editPrompt, getPrompt, rollbackPrompt } from '../../../app/lib/prompts';
import { loadChains } from '../../../app/lib/store/audit-store';
import { SieveDb } from '../../../app/lib/store/db';
import { loadLlmSettings, loadPromptVersions, saveLlmSettings, savePromptVersions } from '../../../app/lib/store/prompts';

const open: SieveDb[] = [];
let n = 0;
const freshDb = () => {
	const db = new SieveDb(`prompts-${n++}`);
	open.push(db);
	return db;
};
afterEach(async () => {
	for (const db of open.splice(0)) await db.delete();
});
const events = async (db: SieveDb, project: string) =>
	(await loadChains(db, project)).flatMap((c) => c.events).filter((e) => e.type !== 'chain-start');

describe('stored prompt versions', () => {
	it('adds versions per project with one audit event each, never replacing a stored one', async () => {
		const db = freshDb();
		const v2 = editPrompt(
			getPrompt('explain-flags', []),
			{ variants: { en: { system: '', user: '{{flags}}' } }, note: 'short' },
			{ id: 'v2', by: 'ann', at: '2026-12-08T10:00:00.000Z' }
		);
		expect(await savePromptVersions(db, 'p1', [v2], 'edit')).toBe(1);
		const v3 = rollbackPrompt(getPrompt('explain-flags', await loadPromptVersions(db, 'p1')), 1, {
			id: 'v3',
			by: 'ann',
			at: '2026-12-08T10:01:00.000Z'
		});
		expect(await savePromptVersions(db, 'p1', [v3, { ...v2, note: 'tampered' }], 'rollback')).toBe(1);
		expect(await loadPromptVersions(db, 'p1')).toEqual([v2, v3]);
		expect(await loadPromptVersions(db, 'p2')).toEqual([]);
		expect((await events(db, 'p1')).map((e) => e.payload)).toEqual([
			{ op: 'edit', prompt: 'explain-flags', version: 'v2' },
			{ op: 'rollback', prompt: 'explain-flags', version: 'v3', rollbackOf: 'builtin:explain-flags' }
		]);
		expect(await savePromptVersions(db, 'p1', [{ ...v2, id: 'peer' }], 'received')).toBe(1);
		expect(await events(db, 'p1')).toHaveLength(2);
	});

	it('keeps the LLM switch off until turned on, and records the change', async () => {
		const db = freshDb();
		expect(await loadLlmSettings(db, 'p1')).toEqual({ projectId: 'p1', enabled: false, language: 'en', model: '' });
		await saveLlmSettings(db, { projectId: 'p1', enabled: true, language: 'de', model: '' });
		expect((await loadLlmSettings(db, 'p1')).enabled).toBe(true);
		const [e] = await events(db, 'p1');
		expect(e).toMatchObject({
			type: 'setting-change',
			payload: { key: 'llm', before: { enabled: false }, after: { enabled: true, language: 'de' } }
		});
	});
});
