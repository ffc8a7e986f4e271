import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { TYPES } from '../../../app/lib/collab/doc';
import { openLocalDoc } from '../../../app/lib/collab/local';
import { addComment, proposeDecisions, readComments, readDecisions } from '../../../app/lib/collab/ops';

describe('local project doc (y-indexeddb)', () => {
	it('keeps decisions and comments across a reload, migrated once', async () => {
		const first = await openLocalDoc('p-local');
		expect(first.doc.getMap(TYPES.meta).get('schemaVersion')).toBe(1);
		proposeDecisions(first.doc, { name: 'ana' }, [{ target: { respondent: 4, row: 4 }, action: 'exclude', reason: 'bot' }]);
		addComment(first.doc, { name: 'ana' }, { respondent: 4, row: 4 }, 'offline');
		const state = Y.encodeStateVector(first.doc);
		await first.destroy();

		const again = await openLocalDoc('p-local');
		expect(readDecisions(again.doc).map((d) => [d.target.respondent, d.action, d.reason])).toEqual([[4, 'exclude', 'bot']]);
		expect(readComments(again.doc).map((c) => c.text)).toEqual(['offline']);
		expect(Y.encodeStateVector(again.doc)).toEqual(state);
		await again.destroy();

		const other = await openLocalDoc('p-other');
		expect(readDecisions(other.doc)).toEqual([]);
		await other.destroy();
	});
});
