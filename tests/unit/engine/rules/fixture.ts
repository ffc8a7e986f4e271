import type { Dictionary, MissingSpec, Variable, VarType } from '../../../../app/lib/dataset/dictionary';
import { openNodeDb } from '../../../../app/lib/engine/duckdb/node';
import type { SqlDb } from '../../../../app/lib/engine/sql/db';

function variable(name: string, type: VarType, missing: MissingSpec = { values: [], range: null }): Variable {
	return {
		name,
		label: null,
		type,
		width: type === 'string' ? 32 : 8,
		format: type === 'string' ? 'A32' : type === 'date' ? 'DATE11' : 'F8.2',
		measure: type === 'string' ? 'nominal' : 'scale',
		valueLabels: {},
		missing
	};
}

/** age −9 and 997..999 are user-missing; `we"ird` and `Größe m²` test quoting. */
export const DICTIONARY: Dictionary = {
	encoding: 'UTF-8',
	warnings: [],
	variables: [
		variable('age', 'numeric', { values: [-9], range: [997, 999] }),
		variable('hh_size', 'numeric'),
		variable('n_children', 'numeric'),
		variable('q4', 'numeric'),
		variable('q5', 'numeric', { values: [], range: [null, -1] }),
		variable('country', 'string', { values: ['XX'], range: null }),
		variable('gender', 'string'),
		variable('oe1', 'string'),
		variable('dob', 'date'),
		variable('started', 'datetime'),
		variable('we"ird', 'numeric'),
		variable('Größe m²', 'numeric')
	]
};

/**
 * __row  age  hh  kids q4  q5   country gender   oe1        dob         we"ird Größe
 *  1     17   3   1    1   2    DE      Male     fine       2008-03-01  1      170
 *  2     34   2   3    2   ·    AT      female   ok         1990-07-15  2      180
 *  3     −9   4   2    1   ·    XX      MALE     ''         ·           3      ·
 *  4     70   1   0    ·   5    FR      ·        no         1954-01-31  ·      160
 *  5     998  5   2    2   −3   ·       other    it's "x"   2001-12-24  5      175
 *  6     ·    2   2    1   4    de      male     ·          2000-01-01  6      190
 */
export async function openFixtureDb(): Promise<SqlDb> {
	const db = await openNodeDb();
	await db.exec(`CREATE TABLE data (
		__row INTEGER, age DOUBLE, hh_size DOUBLE, n_children DOUBLE, q4 DOUBLE, q5 DOUBLE,
		country VARCHAR, gender VARCHAR, oe1 VARCHAR, dob DATE, started TIMESTAMP, "we""ird" DOUBLE, "Größe m²" DOUBLE)`);
	await db.exec(`INSERT INTO data VALUES
		(1, 17, 3, 1, 1, 2, 'DE', 'Male', 'fine', DATE '2008-03-01', TIMESTAMP '2026-05-01 09:00:00', 1, 170),
		(2, 34, 2, 3, 2, NULL, 'AT', 'female', 'ok', DATE '1990-07-15', TIMESTAMP '2026-05-01 23:30:00', 2, 180),
		(3, -9, 4, 2, 1, NULL, 'XX', 'MALE', '', NULL, NULL, 3, NULL),
		(4, 70, 1, 0, NULL, 5, 'FR', NULL, 'no', DATE '1954-01-31', TIMESTAMP '2026-05-02 10:15:00', NULL, 160),
		(5, 998, 5, 2, 2, -3, NULL, 'other', 'it''s "x"', DATE '2001-12-24', TIMESTAMP '2026-05-03 08:00:00', 5, 175),
		(6, NULL, 2, 2, 1, 4, 'de', 'male', NULL, DATE '2000-01-01', TIMESTAMP '2026-05-03 12:00:00', 6, 190)`);
	return db;
}
