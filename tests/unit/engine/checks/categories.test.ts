import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import categories, { clusterValues, fingerprint } from '../../../../app/lib/engine/checks/categories';
import types from '../../../../app/lib/engine/checks/types-check';
import formats from '../../../../app/lib/engine/checks/formats';
import type { SqlDb } from '../../../../app/lib/engine/sql/db';
import { dictionaryOf, flagged, openNodeDb, runOne, tableOf, variable } from './helpers';

const dict = dictionaryOf([
	variable('rid'),
	variable('country', 'string'),
	variable('zip', 'string'),
	variable('email', 'string'),
	variable('children', 'string')
]);
const country = [
	'Germany',
	'Germany',
	'germany ',
	'France',
	'France',
	'FRANCE',
	'Austria',
	'Germnay',
	'France',
	'Austria',
	'Austria',
	'Germany'
];
const zip = ['10115', '20095', '80331', 'D-50667', '60311', '70173', '01067', '30159', '40213', '28195', '04109', '90402'];
const email = [
	'a@x.de',
	'b@y.com',
	'c@z.org',
	'd@x.de',
	'not an email',
	'e@y.com',
	'f@y.com',
	'g@z.org',
	'h@x.de',
	'i@y.fr',
	'j@x',
	'k@y.com'
];
const children = ['0', '1', '2', '0', '3', 'two', '1', '0', '2', '1', '0', '1'];

describe('categories, types and formats', () => {
	let db: SqlDb;
	beforeAll(async () => {
		db = await openNodeDb();
		await tableOf(
			db,
			dict,
			country.map((c, i) => [i + 1, c, zip[i], email[i], children[i]])
		);
	});
	afterAll(() => db.close());

	it('clusters spelling variants and suggests the most frequent spelling', async () => {
		const f = await runOne(db, dict, categories);
		expect(flagged(f)).toEqual([3, 6, 8]);
		const germany = f.find((x) => x.level === 'variable' && x.evidence.suggestion === 'Germany')!;
		expect(germany.evidence.variants).toEqual({ Germany: 3, 'germany ': 1, Germnay: 1 });
		expect(f.find((x) => x.level === 'variable' && x.evidence.suggestion === 'France')!.evidence.variants).toEqual({
			France: 3,
			FRANCE: 1
		});
	});

	it('keeps distinct categories apart', () => {
		expect(
			clusterValues([
				{ v: 'Male', n: 3 },
				{ v: 'Female', n: 3 },
				{ v: 'Austria', n: 1 },
				{ v: 'Australia', n: 1 }
			])
		).toEqual([]);
		expect(fingerprint('  Ünited   kingdom ')).toBe('kingdom united');
	});

	it('flags text in columns of numbers', async () => {
		const f = await runOne(db, dict, types);
		expect(flagged(f)).toEqual([4, 6]);
		expect(f.find((x) => x.respondent === 4)!.variable).toBe('zip');
		expect(f.find((x) => x.respondent === 6)!.message).toBe('children = "two" is not a number, unlike 92 % of the column');
	});

	it('flags invalid e-mails and minority postcode formats', async () => {
		const f = await runOne(db, dict, formats);
		expect(flagged(f, (x) => x.variable === 'email' && x.level === 'cell')).toEqual([5, 11]);
		expect(flagged(f, (x) => x.variable === 'zip' && x.level === 'cell')).toEqual([4]);
	});
});
