import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDataset } from '../../../../app/lib/engine/dataset/dataset';
import { assignRespondentId } from '../../../../app/lib/engine/dataset/id';
import type { Dictionary } from '../../../../app/lib/dataset/dictionary';
import type { SqlDb } from '../../../../app/lib/engine/sql/db';
import { dictionaryOf, openNodeDb, tableOf, variable } from '../checks/helpers';

// CaseID is shuffled and has no gaps; panel has one blank; gender repeats; q1 carries 99 = "refused"
// in a file with no declared missing values (inferred, as in CSV exports).
const base = dictionaryOf([variable('CaseID'), variable('panel', 'string'), variable('gender', 'string'), variable('q1')]);

describe('openDataset', () => {
	let db: SqlDb;
	let dict: Dictionary;
	beforeAll(async () => {
		db = await openNodeDb();
		const rows: unknown[][] = [];
		for (let i = 0; i < 40; i++) rows.push([((i * 17) % 40) + 1, i === 3 ? '' : `P${i}`, i % 2 ? 'f' : 'm', i === 7 ? 99 : 1 + (i % 5)]);
		await tableOf(db, base, rows);
		dict = await assignRespondentId(db, base);
	});
	afterAll(() => db.close());

	it('the detected id names respondents, and inferred missing codes are in the effective dictionary only', async () => {
		expect(dict.variables.find((v) => v.role === 'id')?.name).toBe('CaseID');
		const ds = await openDataset(db, dict, {});
		expect(ds.idVariable).toBe('CaseID');
		expect(ds.rows).toBe(40);
		expect(ds.variable('q1').missing.values).toEqual([99]);
		expect(ds.raw.variables.find((v) => v.name === 'q1')!.missing.values).toEqual([]);
		expect(ds.problems).toEqual([]);
	});

	it('a CONFIG id with a repeat or a blank is not used, and the problem says why', async () => {
		const repeats = await openDataset(db, dict, { id: 'gender' });
		expect(repeats.idVariable).toBe('CaseID');
		expect(repeats.problems).toEqual(['id: gender cannot name respondents (40 rows share a value); respondents stay named by CaseID']);
		const blank = await openDataset(db, dict, { id: 'panel' });
		expect(blank.idVariable).toBe('CaseID');
		expect(blank.problems[0]).toMatch(/^id: panel cannot name respondents \(1 empty\)/);
	});

	it('rules and names that do not fit the file are problems, each naming its CONFIG field', async () => {
		const ds = await openDataset(db, dict, { rules: [{ id: 'r', when: 'qq1 > 3' }], skips: ['q1 asked if gendr = 1'] });
		expect(ds.problems).toHaveLength(2);
		expect(ds.problems[0]).toMatch(/^rules\[0\] "r": unknown variable/);
		expect(ds.problems[1]).toMatch(/^skips\[0\] "q1 asked if gendr = 1": unknown variable/);
		const names = await openDataset(db, dict, {
			id: 'nope',
			openEnds: ['nope'],
			weight: 'wt',
			grids: [{ name: 'g', items: ['q1', 'qq'] }]
		});
		expect(names.idVariable).toBe('CaseID');
		expect(names.problems).toEqual([
			'id: "nope" is not a variable of the file; respondents stay named by CaseID',
			'weight: "wt" is not a variable of the file',
			'openEnds[0]: "nope" is not a variable of the file',
			'grids[0] "g" items[1]: "qq" is not a variable of the file'
		]);
		expect([names.roles.openEnds, names.roles.weight, names.roles.grids]).toEqual([[], null, []]);
	});
});

describe('assignRespondentId', () => {
	it('names the id-like column that cannot serve when it adds sieve_id', async () => {
		const db = await openNodeDb();
		try {
			const dict = dictionaryOf([variable('resp_id'), variable('q1')]);
			const rows: unknown[][] = [];
			for (let i = 0; i < 30; i++) rows.push([i === 5 ? 1 : i + 1, 1 + (i % 5)]);
			await tableOf(db, dict, rows);
			const assigned = await assignRespondentId(db, dict);
			expect(assigned.variables.map((v) => [v.name, v.role ?? null])).toEqual([
				['sieve_id', 'id'],
				['resp_id', null],
				['q1', null]
			]);
			expect(assigned.warnings).toEqual([
				'resp_id cannot name respondents (2 rows share a value): Sieve added sieve_id (file order) to name them'
			]);
		} finally {
			await db.close();
		}
	});
});
