import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlDb } from '../../../../app/lib/engine/sql/db';
import type { Dictionary, Variable } from '../../../../app/lib/dataset/dictionary';
import { openNodeDb } from '../../../../app/lib/engine/duckdb/node';
import { computeCareless, loadGridMatrix } from '../../../../app/lib/engine/careless/index';

function item(name: string, missing: Variable['missing'], type: Variable['type'] = 'numeric'): Variable {
	return { name, label: null, type, width: 8, format: 'F1', measure: 'ordinal', valueLabels: {}, missing };
}

const DICTIONARY: Dictionary = {
	encoding: 'UTF-8',
	warnings: [],
	variables: [
		item('q1', { values: [9], range: null }),
		item('q "2"', { values: [], range: [-99, -1] }),
		item('q3', { values: [], range: [8, null] }),
		item('q4', { values: ['x'], range: null }, 'string')
	]
};

let db: SqlDb;
beforeAll(async () => {
	db = await openNodeDb();
});
afterAll(async () => {
	await db.close();
});

describe('loadGridMatrix', () => {
	it('reads items in the order asked, rows by __row, with NULL, NaN, user-missing and non-numbers as NaN', async () => {
		await db.exec(`CREATE TABLE data (__row INTEGER, q1 DOUBLE, "q ""2""" DOUBLE, q3 DOUBLE, q4 VARCHAR)`);
		await db.exec(`INSERT INTO data VALUES
			(3, 9, 2, 3, 'x'),
			(1, 1, -5, 8, '4'),
			(2, NULL, 3, 'NaN'::DOUBLE, 'abc'),
			(4, 5, 4, 7.5, ' 2 ')`);
		const g = await loadGridMatrix(db, DICTIONARY, ['q3', 'q "2"', 'q1', 'q4']);
		expect(g.n).toBe(4);
		expect(g.k).toBe(4);
		expect(Array.from(g.rowIds)).toEqual([1, 2, 3, 4]);
		const nan = Number.NaN;
		expect(Array.from(g.matrix)).toEqual([nan, nan, 1, 4, nan, 3, nan, nan, 3, 2, nan, nan, 7.5, 4, 5, 2]);
		const result = computeCareless(g.matrix, g.n, g.k);
		expect(Array.from(result.longstring.values)).toEqual([1, 1, 1, 1]);
	});

	it('an unknown item is an error naming it', async () => {
		await expect(loadGridMatrix(db, DICTIONARY, ['q1', 'nope'])).rejects.toThrow('grid item "nope" is not a variable');
	});
});
