import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { migrate } from '../../../app/lib/collab/doc';
import {
	addComment,
	assign,
	assigneesOf,
	findingKey,
	invalidDecision,
	parseMentions,
	proposeDecisions,
	readAssignments,
	readComments,
	readDecisions,
	respondentStates,
	reviewDecisions,
	setReviewStatus,
	unassign,
	withdrawDecisions
} from '../../../app/lib/collab/ops';
import { toRecipeDecisions } from '../../../app/lib/collab/recipe';
import { createUndo } from '../../../app/lib/collab/undo';
import { reviewOf } from '../../../app/lib/collab/doc';

let n = 0;
const actor = (name: string) => ({ name, now: () => new Date('2026-01-02T03:04:05Z'), newId: () => `${name}-${++n}` });

function fresh() {
	const doc = new Y.Doc();
	migrate(doc);
	return doc;
}

describe('decisions', () => {
	it('are appended in order with author, time and status proposed', () => {
		const doc = fresh();
		proposeDecisions(doc, actor('ana'), [
			{ target: { respondent: 17 }, action: 'exclude', reason: ' speeder ' },
			{ target: { respondent: 'r-9', variable: 'age' }, action: 'edit-value', value: 41, reason: 'typo' }
		]);
		const ds = readDecisions(doc);
		expect(ds.map((d) => [d.target, d.action, d.reason, d.author, d.status, d.time])).toEqual([
			[{ respondent: 17 }, 'exclude', 'speeder', 'ana', 'proposed', '2026-01-02T03:04:05.000Z'],
			[{ respondent: 'r-9', variable: 'age' }, 'edit-value', 'typo', 'ana', 'proposed', '2026-01-02T03:04:05.000Z']
		]);
		expect(ds[1].value).toBe(41);
		expect(ds[0].approver).toBeUndefined();
	});

	it('are validated like the recipe replays them', () => {
		expect(invalidDecision({ target: { respondent: 1 }, action: 'exclude', reason: '' })).toMatch(/reason/);
		expect(invalidDecision({ target: { variable: 'q1' }, action: 'exclude', reason: 'x' })).toMatch(/respondent/);
		expect(invalidDecision({ target: { respondent: 1, variable: 'q1' }, action: 'edit-value', reason: 'x' })).toMatch(/value/);
		expect(invalidDecision({ target: { variable: 'q1' }, action: 'recode', from: [1, 2], reason: 'x' })).toMatch(/maps to/);
		expect(invalidDecision({ target: { variable: 'q1', category: [1, 2] }, action: 'merge-categories', to: 1, reason: 'x' })).toBeNull();
		expect(invalidDecision({ target: { variable: 'q1' }, action: 'set-missing', reason: 'x' })).toBeNull();
		const doc = fresh();
		expect(() => proposeDecisions(doc, actor('a'), [{ target: { respondent: 1 }, action: 'keep', reason: ' ' }])).toThrow(RangeError);
		expect(readDecisions(doc)).toEqual([]);
	});

	it('an approver approves or sends back, with a note', () => {
		const doc = fresh();
		const [a, b] = proposeDecisions(doc, actor('rev'), [
			{ target: { respondent: 1 }, action: 'exclude', reason: 'bot' },
			{ target: { respondent: 2 }, action: 'exclude', reason: 'bot' }
		]);
		expect(reviewDecisions(doc, actor('boss'), [a], 'approved')).toBe(1);
		expect(reviewDecisions(doc, actor('boss'), [b, 'nope'], 'sent-back', 'look at q7 first')).toBe(1);
		const [da, db] = readDecisions(doc);
		expect([da.status, da.approver, da.note]).toEqual(['approved', 'boss', undefined]);
		expect([db.status, db.approver, db.note]).toEqual(['sent-back', 'boss', 'look at q7 first']);
	});

	it('respondent state: last respondent decision wins, sent-back ones do not count, cells listed', () => {
		const doc = fresh();
		const [, , sent] = proposeDecisions(doc, actor('a'), [
			{ target: { respondent: 5 }, action: 'exclude', reason: 'x' },
			{ target: { respondent: 5 }, action: 'keep', reason: 'checked by phone' },
			{ target: { respondent: 6 }, action: 'exclude', reason: 'x' },
			{ target: { respondent: 5, variable: 'q1' }, action: 'set-missing', reason: 'x' }
		]);
		reviewDecisions(doc, actor('b'), [sent], 'sent-back');
		const states = respondentStates(readDecisions(doc));
		expect(states.get('5')?.decision?.action).toBe('keep');
		expect(states.get('5')?.cells.map((d) => d.action)).toEqual(['set-missing']);
		expect(states.get('5')?.pending).toBe(3);
		expect(states.has('6')).toBe(false);
	});

	it('withdraw removes them; the recipe takes approved (and optionally proposed) ones in order', () => {
		const doc = fresh();
		const ids = proposeDecisions(doc, actor('a'), [
			{ target: { respondent: 1 }, action: 'exclude', reason: 'x' },
			{ target: { variable: 'q1', category: [8, 9] }, action: 'merge-categories', to: 8, reason: 'same' },
			{ target: { respondent: 3, variable: 'q2' }, action: 'edit-value', value: 'Paris', reason: 'typo' },
			{ target: { variable: 'q3' }, action: 'set-missing', from: [-9], reason: 'code' }
		]);
		reviewDecisions(doc, actor('b'), [ids[1]], 'approved');
		expect(withdrawDecisions(doc, [ids[0]])).toBe(1);
		const all = toRecipeDecisions(readDecisions(doc));
		expect(all.map((d) => [d.action, d.target, d.value])).toEqual([
			['merge-categories', { kind: 'category', variable: 'q1', values: [8, 9] }, 8],
			['edit-value', { kind: 'cell', respondent: 3, variable: 'q2' }, 'Paris'],
			['set-missing', { kind: 'category', variable: 'q3', values: [-9] }, undefined]
		]);
		expect(toRecipeDecisions(readDecisions(doc), { approvedOnly: true }).map((d) => d.action)).toEqual(['merge-categories']);
	});

	it('an approver can approve at once', () => {
		const doc = fresh();
		proposeDecisions(doc, actor('boss'), [{ target: { respondent: 1 }, action: 'keep', reason: 'fine' }], { approve: true });
		expect(readDecisions(doc)[0]).toMatchObject({ status: 'approved', approver: 'boss' });
	});
});

describe('comments, assignments, review status', () => {
	it('parses @mentions', () => {
		expect(parseMentions('@ana please check, cc @Bo.B and @ana; mail x@y.z')).toEqual(['ana', 'Bo.B']);
		expect(parseMentions('no mentions @ here')).toEqual([]);
		expect(parseMentions('@Zoë.')).toEqual(['Zoë']);
	});

	it('comments keep target, mentions and author; read per respondent', () => {
		const doc = fresh();
		addComment(doc, actor('ana'), { respondent: 7, check: 'speeders' }, 'too fast? @bo');
		addComment(doc, actor('bo'), { respondent: '8' }, 'fine');
		expect(readComments(doc, 7).map((c) => [c.text, c.mentions, c.author, c.target])).toEqual([
			['too fast? @bo', ['bo'], 'ana', { respondent: 7, check: 'speeders' }]
		]);
		expect(readComments(doc).length).toBe(2);
		expect(() => addComment(doc, actor('a'), { respondent: 1 }, '  ')).toThrow(RangeError);
	});

	it('assignments are row ranges to reviewers', () => {
		const doc = fresh();
		const a = assign(doc, actor('boss'), 1, 500, 'ana');
		assign(doc, actor('boss'), 501, 1000, 'bo');
		assign(doc, actor('boss'), 400, 600, 'cy');
		const list = readAssignments(doc);
		expect(list.map((x) => [x.from, x.to, x.reviewer])).toEqual([
			[1, 500, 'ana'],
			[400, 600, 'cy'],
			[501, 1000, 'bo']
		]);
		expect(assigneesOf(list, 450)).toEqual(['ana', 'cy']);
		expect(assigneesOf(list, 1001)).toEqual([]);
		unassign(doc, a.id);
		expect(assigneesOf(readAssignments(doc), 10)).toEqual([]);
		expect(() => assign(doc, actor('b'), 5, 4, 'x')).toThrow(RangeError);
	});

	it('review status per finding key', () => {
		const doc = fresh();
		const k = findingKey({ check: 'speeders', respondent: 3 });
		expect(findingKey({ check: 'speeders', respondent: '3' })).toBe(k);
		expect(findingKey({ respondent: 3 })).not.toBe(k);
		setReviewStatus(doc, actor('ana'), [{ key: k, row: 4 }], 'done');
		expect(reviewOf(doc).get(k)).toMatchObject({ state: 'done', by: 'ana', row: 4 });
	});
});

describe('undo/redo', () => {
	it('undoes only local edits, one operation at a time, and redoes them', () => {
		const a = fresh();
		const b = fresh();
		const undo = createUndo(a);
		proposeDecisions(a, actor('a'), [{ target: { respondent: 1 }, action: 'exclude', reason: 'x' }]);
		proposeDecisions(a, actor('a'), [
			{ target: { respondent: 2 }, action: 'exclude', reason: 'bulk' },
			{ target: { respondent: 3 }, action: 'exclude', reason: 'bulk' }
		]);
		proposeDecisions(b, actor('b'), [{ target: { respondent: 9 }, action: 'keep', reason: 'y' }]);
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		const respondents = () =>
			readDecisions(a)
				.map((d) => d.target.respondent)
				.sort();
		expect(respondents()).toEqual([1, 2, 3, 9]);
		undo.undo();
		expect(respondents()).toEqual([1, 9]);
		undo.undo();
		expect(respondents()).toEqual([9]);
		undo.undo();
		expect(respondents()).toEqual([9]);
		undo.redo();
		expect(respondents()).toEqual([1, 9]);
	});
});
