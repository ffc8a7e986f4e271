import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { migrate } from '../../../../app/lib/collab/doc';
import {
	addComment,
	assign,
	findingKey,
	proposeDecisions,
	readAssignments,
	readComments,
	readDecisions,
	respondentStates,
	reviewDecisions,
	setReviewStatus
} from '../../../../app/lib/collab/ops';
import { reviewOf } from '../../../../app/lib/collab/doc';
import { NO_FINDINGS, type FindingsSource } from '../../../../app/lib/ui/review/findings';
import { commandFor } from '../../../../app/lib/ui/review/keys';
import { respondentIds } from '../../../../app/lib/ui/review/respondent-ids';
import { ALL, filterRows, indexOfRow, rowAt, rowSetSize, type ReviewFilter, type ViewInputs } from '../../../../app/lib/ui/review/view';

function fixture() {
	const doc = new Y.Doc();
	migrate(doc);
	const me = { name: 'ana' };
	const [, , sent] = proposeDecisions(doc, me, [
		{ target: { respondent: 'a10', row: 10 }, action: 'exclude', reason: 'x' },
		{ target: { respondent: 'a20', row: 20 }, action: 'keep', reason: 'x' },
		{ target: { respondent: 'a30', row: 30 }, action: 'exclude', reason: 'x' },
		{ target: { respondent: 'a40', row: 40, variable: 'q1' }, action: 'set-missing', reason: 'x' }
	]);
	reviewDecisions(doc, { name: 'boss' }, [sent], 'sent-back');
	reviewDecisions(doc, { name: 'boss' }, [readDecisions(doc)[0].id], 'approved');
	addComment(doc, me, { respondent: 'a50', row: 50 }, 'hm');
	setReviewStatus(
		doc,
		me,
		[
			{ key: findingKey({ respondent: 'a20' }), row: 20 },
			{ key: findingKey({ respondent: 'a60', check: 'speeders' }), row: 60 }
		],
		'done'
	);
	assign(doc, me, 15, 25, 'ana');
	assign(doc, me, 100, 102, 'bo');
	const decisions = readDecisions(doc);
	const rowOf = new Map(decisions.map((d) => [String(d.target.respondent), d.target.row!]));
	const sentBack = new Map(decisions.filter((d) => d.status === 'sent-back').map((d) => [String(d.target.respondent), d.target.row!]));
	return (f: Partial<ReviewFilter>, findings: FindingsSource = NO_FINDINGS, extra: Partial<ViewInputs> = {}) =>
		filterRows(
			{ ...ALL, ...f },
			{
				total: 1000,
				states: respondentStates(decisions),
				sentBack,
				comments: readComments(doc),
				review: new Map(reviewOf(doc).entries()),
				assignments: readAssignments(doc),
				findings,
				rowOf: (k) => rowOf.get(k),
				...extra
			}
		);
}

describe('review view filters', () => {
	const view = fixture();
	const rows = (f: Partial<ReviewFilter>) => {
		const s = view(f);
		return s.kind === 'list' ? s.rows : s.kind;
	};

	it('no filter shows every row without listing them', () => {
		expect(view({})).toEqual({ kind: 'all', count: 1000 });
	});

	it('filters by decision state', () => {
		expect(rows({ decision: 'decided' })).toEqual([10, 20, 40]);
		expect(rows({ decision: 'excluded' })).toEqual([10]);
		expect(rows({ decision: 'kept' })).toEqual([20]);
		expect(rows({ decision: 'pending' })).toEqual([20, 40]);
		expect(rows({ decision: 'sent-back' })).toEqual([30]);
		expect(rows({ decision: 'cells' })).toEqual([40]);
		expect(rows({ decision: 'commented' })).toEqual([50]);
	});

	it('filters by respondent review status, not per-finding status', () => {
		expect(rows({ status: 'done' })).toEqual([20]);
		expect(rows({ status: 'in-review' })).toEqual([]);
	});

	it('filters by assignee, alone or with another filter', () => {
		expect(rows({ assignee: 'ana' })).toEqual(Array.from({ length: 11 }, (_, i) => 15 + i));
		expect(rows({ assignee: 'ana', decision: 'decided' })).toEqual([20]);
		expect(rows({ assignee: 'nobody' })).toEqual([]);
	});

	it('filters by verdict through the findings source', () => {
		const findings: FindingsSource = {
			available: true,
			quality: () => undefined,
			rowsWithVerdict: (v) => (v === 'remove' ? [10, 11, 30] : [])
		};
		expect(rows({ verdict: 'remove' })).toEqual([]);
		expect(view({ verdict: 'remove' }, findings)).toEqual({ kind: 'list', rows: [10, 11, 30] });
		expect(view({ verdict: 'remove', decision: 'excluded' }, findings)).toEqual({ kind: 'list', rows: [10] });
	});

	it('filters by bot probability through the rows the workspace looked up, alone or with another filter', () => {
		expect(view({ bot: 0.8 }, NO_FINDINGS, { bots: [12, 5, 10] })).toEqual({ kind: 'list', rows: [5, 10, 12] });
		expect(view({ bot: 0.8, decision: 'excluded' }, NO_FINDINGS, { bots: [12, 5, 10] })).toEqual({ kind: 'list', rows: [10] });
		expect(view({ bot: 0.8 }, NO_FINDINGS, { bots: [] })).toEqual({ kind: 'list', rows: [] });
	});

	it('maps view positions to rows and back', () => {
		const all = view({});
		expect([rowAt(all, 0), indexOfRow(all, 7), rowSetSize(all)]).toEqual([1, 6, 1000]);
		const list = view({ decision: 'decided' });
		expect([rowAt(list, 2), indexOfRow(list, 20), indexOfRow(list, 21), rowSetSize(list)]).toEqual([40, 1, -1, 3]);
	});
});

describe('keyboard shortcuts', () => {
	const key = (key: string, mods: Partial<KeyboardEvent> = {}, typing = false) =>
		commandFor({ key, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods }, typing);

	it('j/k move, x excludes, Shift+K keeps, u undoes', () => {
		expect([
			key('j'),
			key('k'),
			key('x'),
			key('K', { shiftKey: true }),
			key('c'),
			key('u'),
			key('U', { shiftKey: true }),
			key('?')
		]).toEqual(['next', 'prev', 'exclude', 'keep', 'comment', 'undo', 'redo', 'help']);
		expect([key('z', { ctrlKey: true }), key('Z', { ctrlKey: true, shiftKey: true })]).toEqual(['undo', 'redo']);
	});

	it('are off while typing, except Escape', () => {
		expect(key('x', {}, true)).toBeNull();
		expect(key('Escape', {}, true)).toBe('close');
		expect(key('x', { altKey: true })).toBeNull();
	});
});

describe('respondent ids of rows', () => {
	it('reads consecutive rows in runs and falls back to the row number', async () => {
		const calls: [number, number][] = [];
		const engine = {
			page: async ({ offset, limit }: { offset: number; limit: number }) => {
				calls.push([offset, limit]);
				return { offset, rows: Array.from({ length: limit }, (_, i) => [offset + i + 1, offset + i === 4 ? null : `id${offset + i + 1}`]) };
			}
		};
		const ids = await respondentIds(engine, [2, 3, 4, 5, 9], 'id');
		expect(calls).toEqual([
			[1, 4],
			[8, 1]
		]);
		expect([...ids]).toEqual([
			[2, 'id2'],
			[3, 'id3'],
			[4, 'id4'],
			[5, 5],
			[9, 'id9']
		]);
		expect([...(await respondentIds(engine, [7], null))]).toEqual([[7, 7]]);
	});
});
