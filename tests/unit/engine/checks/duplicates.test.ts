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
		expect(kind('id')).toEqual([7]);
		expect(f.find((x) => x.respondent === 62)!.message).toBe('95 % of answers match respondent 9 (19 of 20)');
		expect(f.find((x) => x.respondent === 61 && x.evidence.kind === 'exact')!.severity).toBe('warning');
		expect(f.find((x) => x.respondent === 5 && x.evidence.kind === 'exact')!.severity).toBe('info');
	});

	it('builds deterministic bands of distinct columns', () => {
		const b = lshBands(20, 4, 6, 1);
		expect(b).toEqual(lshBands(20, 4, 6, 1));
		for (const band of b) expect(new Set(band).size).toBe(6);
	});
});
