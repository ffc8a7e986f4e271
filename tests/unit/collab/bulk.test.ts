import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { planBulk } from '../../../app/lib/collab/bulk';
import { migrate } from '../../../app/lib/collab/doc';
import { proposeDecisions, readDecisions, respondentStates, reviewDecisions } from '../../../app/lib/collab/ops';

let n = 0;
const actor = (name: string) => ({ name, newId: () => `${name}-${++n}` });

/** Respondents 1..6: 1 kept individually, 2 excluded individually, 3 kept by an earlier bulk, 4 sent back, 5 a cell edit only, 6 nothing. */
function reviewed() {
	const doc = new Y.Doc();
	migrate(doc);
	proposeDecisions(doc, actor('ana'), [
		{ target: { respondent: 1, row: 1 }, action: 'keep', reason: 'checked: plausible' },
		{ target: { respondent: 2, row: 2 }, action: 'exclude', reason: 'bot' },
		{ target: { respondent: 3, row: 3 }, action: 'keep', reason: 'first pass', bulk: true },
		{ target: { respondent: 4, row: 4 }, action: 'keep', reason: 'looked fine' },
		{ target: { respondent: 5, row: 5, variable: 'age' }, action: 'edit-value', value: 41, reason: 'typo' }
	]);
	const sentBack = readDecisions(doc).find((d) => d.target.respondent === 4)!.id;
	reviewDecisions(doc, actor('boss'), [sentBack], 'sent-back', 'no');
	return respondentStates(readDecisions(doc));
}

const targets = [1, 2, 3, 4, 5, 6].map((r) => ({ respondent: r, row: r }));
const ids = (ts: { respondent: string | number }[]) => ts.map((t) => t.respondent);

describe('planBulk', () => {
	it('skips an individual decision of the other action, writes over an earlier bulk one, leaves those already so', () => {
		const plan = planBulk(reviewed(), targets, 'exclude', false);
		expect(ids(plan.write)).toEqual([3, 4, 5, 6]);
		expect(ids(plan.individual)).toEqual([1]);
		expect(ids(plan.unchanged)).toEqual([2]);
		expect(plan.overridden).toBe(0);
		expect(plan.skipped).toBe(2);
	});

	it('writes over individual decisions only when told to override them', () => {
		const plan = planBulk(reviewed(), targets, 'exclude', true);
		expect(ids(plan.write)).toEqual([1, 3, 4, 5, 6]);
		expect(plan.overridden).toBe(1);
		expect(plan.skipped).toBe(1);
	});

	it('a bulk keep skips the individual exclusion and leaves the kept ones alone', () => {
		const plan = planBulk(reviewed(), targets, 'keep', false);
		expect(ids(plan.write)).toEqual([4, 5, 6]);
		expect(ids(plan.individual)).toEqual([2]);
		expect(ids(plan.unchanged)).toEqual([1, 3]);
		expect(plan.skipped).toBe(3);
	});

	it('matches respondents by id value whether the target carries it as text or number, once each', () => {
		const plan = planBulk(reviewed(), [{ respondent: '1' }, { respondent: 1 }, { respondent: '6' }], 'exclude', false);
		expect(ids(plan.write)).toEqual(['6']);
		expect(ids(plan.individual)).toEqual(['1']);
		expect(plan.skipped).toBe(1);
	});

	it('proposed decisions keep their bulk mark through the doc', () => {
		const doc = new Y.Doc();
		migrate(doc);
		proposeDecisions(doc, actor('ana'), [
			{ target: { respondent: 9 }, action: 'exclude', reason: 'speeder', bulk: true },
			{ target: { respondent: 8 }, action: 'exclude', reason: 'speeder' }
		]);
		expect(readDecisions(doc).map((d) => d.bulk)).toEqual([true, undefined]);
	});
});
