import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addComment, proposeDecisions, readComments, readDecisions, setReviewStatus } from '../../../app/lib/collab/ops';
import { reviewOf } from '../../../app/lib/collab/doc';
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

	it('moves comments and review states with their rows, including two ids that swap', () => {
		const doc = new Y.Doc();
		addComment(doc, actor, { respondent: 1, row: 1 }, 'looks like a bot');
		addComment(doc, actor, { respondent: 2, row: 2, check: 'speeders' }, 'too fast');
		addComment(doc, actor, { check: 'range' }, 'about the check');
		setReviewStatus(
			doc,
			actor,
			[
				{ key: '1', row: 1 },
				{ key: '2', row: 2 }
			],
			'in-review'
		);
		setReviewStatus(doc, actor, [{ key: '2', row: 2 }], 'done');
		expect(decidedRows(doc)).toEqual([1, 2]);
		expect(
			rekeyDecisions(
				doc,
				new Map<number, string | number>([
					[1, 2],
					[2, 1]
				])
			)
		).toBe(4);
		expect(readComments(doc).map((c) => [c.target.respondent, c.text])).toEqual([
			[2, 'looks like a bot'],
			[1, 'too fast'],
			[undefined, 'about the check']
		]);
		expect(reviewOf(doc).get('1')).toMatchObject({ row: 2, state: 'done' });
		expect(reviewOf(doc).get('2')).toMatchObject({ row: 1, state: 'in-review' });
	});
});
