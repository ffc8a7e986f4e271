import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { migrate } from '../../../app/lib/collab/doc';
import { addComment, proposeDecisions, readDecisions, reviewDecisions } from '../../../app/lib/collab/ops';
import { createUndo } from '../../../app/lib/collab/undo';
import { auditedStep, decisionStep } from '../../../app/lib/collab/undo-audit';
import { verifyChain } from '../../../app/lib/audit/verify-chain';
import { createAuditLog } from '../../../app/lib/store/audit-log';
import { loadChains } from '../../../app/lib/store/audit-store';
import { SieveDb } from '../../../app/lib/store/db';

let n = 0;
const actor = { name: 'ana', newId: () => `d${++n}` };
const open: SieveDb[] = [];
afterEach(async () => {
	for (const db of open.splice(0)) await db.delete();
});

function fresh() {
	const doc = new Y.Doc();
	migrate(doc);
	return { doc, undo: createUndo(doc) };
}

describe('audited undo/redo', () => {
	it('a bulk undo and its redo are one audit event each, listing every target, in the chain', async () => {
		const db = new SieveDb(`undo-audit-${n}`);
		open.push(db);
		const log = createAuditLog(db);
		const { doc, undo } = fresh();
		proposeDecisions(doc, actor, [{ target: { respondent: 'r7', row: 1 }, action: 'keep', reason: 'checked: plausible' }]);
		const bulk = proposeDecisions(
			doc,
			actor,
			[3, 'r9', 12].map((r) => ({ target: { respondent: r }, action: 'exclude' as const, reason: 'speeder', bulk: true as const }))
		);

		const undone = auditedStep(doc, undo, 'undo')!;
		expect(readDecisions(doc).map((d) => d.target.respondent)).toEqual(['r7']);
		await log.recordEvent('p', 'decision-undo', { ...undone, via: 'undo' });
		const redone = auditedStep(doc, undo, 'redo')!;
		expect(readDecisions(doc).map((d) => d.target.respondent)).toEqual(['r7', 3, 'r9', 12]);
		await log.recordEvent('p', 'decision-redo', redone);

		const [chain] = await loadChains(db, 'p');
		expect(chain.events.map((e) => e.type)).toEqual(['chain-start', 'decision-undo', 'decision-redo']);
		expect(chain.events[1].payload).toEqual({ decisions: bulk, actions: ['exclude'], respondents: [3, 'r9', 12], removed: 3, via: 'undo' });
		expect(chain.events[2].payload).toEqual({ decisions: bulk, actions: ['exclude'], respondents: [3, 'r9', 12], restored: 3 });
		expect(JSON.stringify(chain.events)).not.toContain('speeder');
		expect((await verifyChain(chain.events)).ok).toBe(true);
	});

	it('says what an undone approval changed, and nothing for steps that touch no decision', () => {
		const { doc, undo } = fresh();
		const [id] = proposeDecisions(doc, actor, [
			{ target: { respondent: 5, variable: 'age' }, action: 'set-missing', reason: 'implausible' }
		]);
		reviewDecisions(doc, { name: 'boss' }, [id], 'approved');
		expect(auditedStep(doc, undo, 'undo')).toEqual({
			decisions: [id],
			actions: ['set-missing'],
			respondents: [5],
			variables: ['age'],
			changed: 1
		});
		expect(readDecisions(doc)[0].status).toBe('proposed');
		addComment(doc, actor, { respondent: 5 }, 'odd age');
		expect(auditedStep(doc, undo, 'undo')).toBeNull();
		expect(auditedStep(doc, undo, 'redo')).toBeNull();
	});

	it('nothing to undo is nothing to audit', () => {
		const { doc, undo } = fresh();
		expect(auditedStep(doc, undo, 'undo')).toBeNull();
		expect(decisionStep([], [])).toBeNull();
	});
});
