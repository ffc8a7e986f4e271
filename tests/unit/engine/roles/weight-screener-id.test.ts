import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectRoles } from '../../../../app/lib/engine/roles';
import type { SqlDb } from '../../../../app/lib/engine/sql/db';
import { dictionaryOf, openNodeDb, tableOf, variable } from '../checks/helpers';

const agree = { '1': 'Strongly disagree', '2': 'Disagree', '3': 'Neither', '4': 'Agree', '5': 'Strongly agree' };
const dict = dictionaryOf([
	variable('resp_id'), // one id repeated: not usable
	variable('case_id', 'string'), // one empty: not usable
	variable('serial'), // present and distinct in every row: the id
	variable('S1', 'numeric', { label: 'Are you 18 years of age or older?', valueLabels: { '1': 'Yes', '2': 'No' } }),
	variable('q0', 'numeric', { label: 'Do you qualify: are you the main grocery shopper?' }),
	variable('q1_1', 'numeric', { valueLabels: agree }),
	variable('q1_2', 'numeric', { valueLabels: agree }),
	variable('q1_3', 'numeric', { label: 'Please select "Strongly agree" for this line', valueLabels: agree }),
	variable('q1_4', 'numeric', { valueLabels: agree }),
	variable('q9', 'numeric', { label: 'To show you are paying attention, choose Disagree' }),
	variable('body_weight', 'numeric', { label: 'Your weight in kg' }), // whole numbers: an answer, not a weight
	variable('pweight', 'numeric')
]);

describe('weight, screeners, attention checks and ids', () => {
	let db: SqlDb;
	beforeAll(async () => {
		db = await openNodeDb();
		const rows: unknown[][] = [];
		for (let i = 0; i < 30; i++)
			rows.push([
				i === 5 ? 1 : i + 1,
				i === 9 ? ' ' : `C${i}`,
				1000 + i,
				1,
				1,
				1 + (i % 5),
				1 + ((i + 1) % 5),
				5,
				1 + ((i + 3) % 5),
				2,
				60 + i,
				0.5 + (i % 7) / 5
			]);
		await tableOf(db, dict, rows);
	});
	afterAll(() => db.close());

	it('finds them by name and label; an id must be present and distinct in every row', async () => {
		const r = await detectRoles(db, dict);
		expect(r.id).toBe('serial');
		expect(r.idLike).toBe('resp_id'); // kept out of the answers, its repeat reported by the duplicates check
		expect(r.weight).toBe('pweight');
		expect(r.screeners).toEqual(['S1', 'q0']);
		expect(r.attentionChecks).toEqual(['q1_3', 'q9']);
		expect(r.demographics).toEqual({});
		expect(r.platform).toBeNull();
		expect(r.paradata).toEqual(['resp_id']);
	});

	it('takes the SPSS file weight first, and CONFIG weight, screeners and paradata over detection', async () => {
		expect((await detectRoles(db, { ...dict, weight: 'body_weight' })).weight).toBe('body_weight');
		const r = await detectRoles(db, dict, { weight: 'body_weight', screeners: ['q0'], paradata: ['q9'], id: 'resp_id' });
		expect([r.weight, r.screeners, r.paradata, r.id]).toEqual(['body_weight', ['q0'], ['q9'], 'resp_id']);
		// a CONFIG id is the user's word: it is taken even with a repeat, and the duplicates check names it
		// a name the file lacks is left out here and reported by the Dataset (config-problems)
		const unknown = await detectRoles(db, dict, { weight: 'wt', screeners: ['q0', 'nope'] });
		expect([unknown.weight, unknown.screeners]).toEqual(['pweight', ['q0']]);
	});
});
