import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idQuality } from '../../../../app/lib/engine/dataset/id';
import type { SqlDb } from '../../../../app/lib/engine/sql/db';
import { dictionaryOf, openNodeDb, tableOf, variable } from '../checks/helpers';

const dict = dictionaryOf([variable('caseno'), variable('email', 'string'), variable('code', 'string'), variable('wave')]);
const idUsability = (db: SqlDb, name: string) =>
	idQuality(
		db,
		dict.variables.find((v) => v.name === name)!
	);

describe('idQuality', () => {
	let db: SqlDb;
	beforeAll(async () => {
		db = await openNodeDb();
		await tableOf(db, dict, []);
		// 3000 rows: past where HyperLogLog's approximate count would blur one repeated value
		await db.exec(`INSERT INTO data SELECT i + 1, i + 1, 'p' || i || '@example.org', 'K' || CASE WHEN i = 2999 THEN 1 ELSE i END,
			CASE WHEN i = 10 THEN NULL ELSE 1 END FROM range(3000) t(i)`);
		await db.exec(`UPDATE data SET email = '  ' WHERE __row = 7`);
	});
	afterAll(() => db.close());

	it('a numeric id with one value per row is usable', async () => {
		expect(await idUsability(db, 'caseno')).toEqual({ rows: 3000, empty: 0, duplicated: 0, distinct: 3000, usable: true });
	});

	it('one repeated value among 3000 makes a string id unusable', async () => {
		expect(await idUsability(db, 'code')).toMatchObject({ rows: 3000, empty: 0, duplicated: 2, distinct: 2999, usable: false });
	});

	it('a blank value counts as empty', async () => {
		expect(await idUsability(db, 'email')).toMatchObject({ empty: 1, duplicated: 0, distinct: 2999, usable: false });
	});

	it('a constant with a missing value is not an id', async () => {
		expect(await idUsability(db, 'wave')).toMatchObject({ empty: 1, duplicated: 2999, distinct: 1, usable: false });
	});
});
