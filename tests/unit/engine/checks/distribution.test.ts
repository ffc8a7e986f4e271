import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import distribution from '../../../../app/lib/engine/checks/distribution';
import type { SqlDb } from '../../../../app/lib/engine/sql/db';
import { dictionaryOf, openNodeDb, runOne, tableOf, variable } from './helpers';

const dict = dictionaryOf([variable('rid'), variable('constant'), variable('hours'), variable('rating'), variable('mostly_one')]);

describe('distribution', () => {
	let db: SqlDb;
	beforeAll(async () => {
		db = await openNodeDb();
		const rows: unknown[][] = [];
		for (let i = 1; i <= 100; i++) {
			const hours = i % 3 !== 0 ? 5 * (i % 9) + 10 : 11 + ((i * 7) % 39); // heaped on multiples of 5
			const rating = i <= 30 ? 5 : 1 + (i % 9); // 5 is answered 38 times, 4 and 6 only 7 and 8 times
			rows.push([i, 1, hours, rating, i <= 97 ? 1 : 2]);
		}
		await tableOf(db, dict, rows);
	});
	afterAll(() => db.close());

	it('reports near-zero variance, heaping and spikes per variable', async () => {
		const f = await runOne(db, dict, distribution);
		const byVar = (v: string) => f.filter((x) => x.variable === v).map((x) => x.message);
		expect(byVar('constant')).toEqual(['constant has the same value (1) for all 100 respondents']);
		expect(byVar('mostly_one')).toEqual(['mostly_one: near-zero variance, 97 % answered 1']);
		expect(byVar('hours').some((m) => m.includes('multiples of 5'))).toBe(true);
		expect(byVar('rating')).toEqual(['rating: spike at 5 (38 answers, neighbours 7.5 on average)']);
		expect(f.every((x) => x.level === 'variable' || x.level === 'dataset')).toBe(true);
	});
});
