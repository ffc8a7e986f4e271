import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import straightlining from '../../../../app/lib/engine/checks/straightlining';
import patterns from '../../../../app/lib/engine/checks/patterns';
import type { SqlDb } from '../../../../app/lib/engine/sql/db';
import { dictionaryOf, flagged, openNodeDb, runOne, tableOf, variable } from './helpers';

const labels = { '1': 'Strongly disagree', '2': 'Disagree', '3': 'Neutral', '4': 'Agree', '5': 'Strongly agree', '9': "Don't know" };
const items = (stem: string) =>
	Array.from({ length: 6 }, (_, j) =>
		variable(`${stem}_${j + 1}`, 'numeric', { valueLabels: labels, missing: { values: [9], range: null } })
	);
const dict = dictionaryOf([variable('rid'), ...items('a'), ...items('b')]);

const rows: number[][] = [
	[1, 3, 4, 2, 5, 4, 3, 2, 4, 3, 4, 5, 1],
	[2, 4, 4, 4, 4, 4, 4, 2, 3, 4, 2, 1, 5], // straight on a
	[3, 5, 5, 5, 5, 5, 5, 1, 1, 1, 1, 1, 1], // straight on a and b
	[4, 4, 4, 4, 4, 4, 9, 3, 2, 4, 5, 3, 2], // 9 is user-missing: a run of 5, not 6
	[5, 1, 2, 3, 4, 5, 1, 2, 4, 2, 4, 2, 4], // diagonal on a, alternating on b
	[6, 2, 3, 2, 3, 4, 3, 1, 5, 1, 5, 5, 1], // zig-zag on a, extremes on b
	[7, 3, 3, 3, 3, 3, 3, 3, 4, 2, 5, 3, 2] // midpoint-only on a (also straight)
];

describe('straightlining and patterns', () => {
	let db: SqlDb;
	beforeAll(async () => {
		db = await openNodeDb();
		await tableOf(db, dict, rows);
	});
	afterAll(() => db.close());

	it('flags a longstring over a whole grid, user-missing breaking the run', async () => {
		const f = await runOne(db, dict, straightlining);
		expect(flagged(f)).toEqual([2, 3, 7]);
		expect(f.find((x) => x.respondent === 3)!.severity).toBe('error');
		expect(f.find((x) => x.respondent === 3)!.message).toBe('gave the same answer in a row on 2 of 2 grids: a (6 of 6), b (6 of 6)');
	});

	it('flags the share parameter (5 of 6)', async () => {
		const f = await runOne(db, dict, straightlining, { checks: { straightlining: { share: 0.8 } } });
		expect(flagged(f)).toEqual([2, 3, 4, 7]);
	});

	it('names diagonal, zig-zag, alternating, extreme-only and midpoint-only patterns', async () => {
		const f = await runOne(db, dict, patterns);
		expect(flagged(f)).toEqual([5, 6, 7]);
		expect(f.find((x) => x.respondent === 5)!.evidence.patterns).toEqual([
			{ grid: 'a', pattern: 'diagonal' },
			{ grid: 'b', pattern: 'alternating' }
		]);
		expect(f.find((x) => x.respondent === 6)!.evidence.patterns).toEqual([
			{ grid: 'a', pattern: 'zig-zag' },
			{ grid: 'b', pattern: 'extreme-only' }
		]);
		expect(f.find((x) => x.respondent === 7)!.evidence.patterns).toEqual([{ grid: 'a', pattern: 'midpoint-only' }]);
	});
});
