import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { proposeDecisions, readDecisions } from '../../../app/lib/collab/ops';
import { decidedRows, rekeyDecisions } from '../../../app/lib/collab/rekey';
import { createUndo } from '../../../app/lib/collab/undo';

const actor = { name: 'ana', now: () => new Date('2026-12-01T10:00:00Z') };

describe('rekeyDecisions', () => {
	it('gives every decided row its new id value, leaves the rest, and is not an undoable step', () => {
		const doc = new Y.Doc();
		const undo = createUndo(doc);
		proposeDecisions(doc, actor, [
			{ target: { respondent: 6, row: 6 }, action: 'exclude', reason: 'speeder' },
			{ target: { respondent: 9, row: 9, variable: 'age' }, action: 'set-missing', reason: 'typo' },
			{ target: { variable: 'gender' }, action: 'recode', reason: 'merge', from: ['m'], to: 'Male' }
		]);
		expect(decidedRows(doc)).toEqual([6, 9]);
		const changed = rekeyDecisions(
			doc,
			new Map<number, string | number>([
				[6, 'P-017'],
				[9, 9]
			])
		);
		expect(changed).toBe(1);
		const targets = readDecisions(doc).map((d) => d.target);
		expect(targets).toEqual([{ respondent: 'P-017', row: 6 }, { respondent: 9, row: 9, variable: 'age' }, { variable: 'gender' }]);
		// one undoable step: the reviewer's decisions; re-keying follows Setup and is not undone by Ctrl+Z
		expect(undo.undoStack).toHaveLength(1);
	});
});
