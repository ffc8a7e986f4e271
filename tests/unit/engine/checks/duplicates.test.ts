import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import duplicates, { lshBands } from '../../../../app/lib/engine/checks/duplicates';
import type { SqlDb } from '../../../../app/lib/engine/sql/db';
import { dictionaryOf, flagged, openNodeDb, runOne, tableOf, variable } from './helpers';

const K = 20;
const dict = dictionaryOf([variable('rid'), ...Array.from({ length: K }, (_, j) => variable(`q${j + 1}`))]);

function answers(seed: number): number[] {
	let s = seed * 7919 + 13;
	return Array.from({ length: K }, () => {
		s = (s * 1103515245 + 12345) % 2147483648;
		return 1 + (s % 5);
	});
}

describe('duplicates', () => {
	let db: SqlDb;
	beforeAll(async () => {
		db = await openNodeDb();
		const rows: unknown[][] = [];
		for (let i = 1; i <= 60; i++) rows.push([i, ...answers(i)]);
		rows.push([61, ...answers(5)]); // exact copy of 5
		const near = answers(9);
		near[3] = near[3] === 1 ? 2 : 1; // 19 of 20 equal to 9
		rows.push([62, ...near]);
		rows.push([7, ...answers(1000)]); // duplicate id 7
		await tableOf(db, dict, rows);
	});
	afterAll(() => db.close());

	it('finds exact copies, near duplicates (≥ 90 % match) and duplicate ids', async () => {
		const f = await runOne(db, dict, duplicates);
		const kind = (k: string) => flagged(f, (x) => x.evidence.kind === k);
		expect(kind('exact')).toEqual([5, 61]);
		expect(kind('near')).toEqual([9, 62]);
		expect(kind('id')).toEqual([7, 63]); // rows 7 and 63 share rid 7: rid cannot name respondents, so rows do
		expect(f.find((x) => x.respondent === 62)!.message).toMatch(
			/^95 % of answers match respondent 9 \(19 of 20\), who appears earlier in the file; a match this close happens by chance for (fewer than 1 in a billion|about 1 in [\d,]+) respondents$/
		);
		const copy = f.find((x) => x.respondent === 61 && x.evidence.kind === 'exact')!;
		expect(copy.message).toMatch(/^answers are an exact copy of respondent 5, who appears earlier in the file; a match this close/);
		// 20 answers on a 5-point scale: chance ≈ 61 · 0.2^20 ≈ 6e-13, far below alpha
		expect(copy.evidence.chance).toBeLessThan(1e-9);
		expect(copy.evidence.expected).toBeLessThan(1e-9);
		expect(f.find((x) => x.respondent === 61 && x.evidence.kind === 'exact')!.severity).toBe('warning');
		expect(f.find((x) => x.respondent === 5 && x.evidence.kind === 'exact')!.severity).toBe('info');
	});

	it('alpha is a parameter: at alpha 0 no copy is unlikely enough to flag, and a dataset note says why', async () => {
		const f = await runOne(db, dict, duplicates, { checks: { duplicates: { alpha: 0 } } });
		expect(flagged(f, (x) => x.evidence.kind === 'exact' || x.evidence.kind === 'near')).toEqual([]);
		expect(flagged(f, (x) => x.evidence.kind === 'id')).toEqual([7, 63]);
		const note = f.find((x) => x.evidence.kind === 'chance')!;
		expect(note.level).toBe('dataset');
		expect(note.severity).toBe('info');
		expect(note.evidence).toMatchObject({ exact: 1, near: 2 });
	});

	it('builds deterministic bands of distinct columns', () => {
		const b = lshBands(20, 4, 6, 1);
		expect(b).toEqual(lshBands(20, 4, 6, 1));
		for (const band of b) expect(new Set(band).size).toBe(6);
	});
});

describe('duplicates expected by chance', () => {
	let db: SqlDb;
	// 300 respondents × 5 yes/no items: only 32 answer vectors exist, so every vector repeats by chance
	const small = dictionaryOf([variable('rid'), ...Array.from({ length: 5 }, (_, j) => variable(`b${j + 1}`))]);
	beforeAll(async () => {
		db = await openNodeDb();
		await tableOf(
			db,
			small,
			Array.from({ length: 300 }, (_, i) => [i + 1, ...Array.from({ length: 5 }, (_, j) => (Math.floor(i / 2 ** j) + i * 7) % 2)])
		);
	});
	afterAll(() => db.close());

	it('flags none of them and says so once, at dataset level', async () => {
		const f = await runOne(db, small, duplicates, { checks: { duplicates: { minAnswered: 1 } } });
		expect(f.filter((x) => x.level !== 'dataset')).toEqual([]);
		const note = f.find((x) => x.evidence.kind === 'chance')!;
		expect(note.evidence.exact).toBeGreaterThan(250);
		expect(note.message).toMatch(
			/repeat another's answers exactly, but with answers this common on 5 variables such matches are expected by chance \(each for more than 1 in 1,000 respondents, alpha 0.001\), so they are not flagged$/
		);
	});
});

describe('duplicates with start times', () => {
	let db: SqlDb;
	const timed = dictionaryOf([
		variable('rid'),
		variable('started', 'datetime'),
		...Array.from({ length: K }, (_, j) => variable(`q${j + 1}`))
	]);
	beforeAll(async () => {
		db = await openNodeDb();
		const rows: unknown[][] = [];
		for (let i = 1; i <= 40; i++) rows.push([i, `2024-05-01 ${String(8 + (i % 10)).padStart(2, '0')}:00:00`, ...answers(i)]);
		// the copy is earlier in the file but started later than respondent 30
		rows.splice(3, 0, [41, '2024-05-02 09:00:00', ...answers(30)]);
		// a copy without a start time: its order is the file's, never "started earlier"
		rows.push([42, null, ...answers(12)]);
		await tableOf(db, timed, rows);
	});
	afterAll(() => db.close());

	it('says "started earlier" only when both respondents have start times', async () => {
		const f = await runOne(db, timed, duplicates, {}, { start: 'started' });
		const of = (r: number) => f.find((x) => x.respondent === r && x.evidence.kind === 'exact')!;
		expect(of(41).message).toMatch(/^answers are an exact copy of respondent 30, who started earlier;/);
		expect(of(41).severity).toBe('warning');
		expect(of(30).severity).toBe('info');
		expect(of(42).message).toMatch(/^answers are an exact copy of respondent 12, who appears earlier in the file;/);
	});
});
