import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileRule, evaluateRule, parseRule } from '../../../../app/lib/engine/rules/index';
import type { SqlDb } from '../../../../app/lib/engine/sql/db';
import { DICTIONARY, openFixtureDb } from './fixture';

let db: SqlDb;
beforeAll(async () => {
	db = await openFixtureDb();
});
afterAll(async () => {
	await db.close();
});

describe('evaluateRule on the fixture table', () => {
	it.each([
		['age < 18', [1]],
		['age is missing', [3, 5, 6]],
		['age is not missing', [1, 2, 4]],
		['q5 is not missing and q4 = 1', [1, 6]],
		['q5 is missing and q4 = 2', [2, 5]],
		['q5 is not missing and q4 != 1', []],
		['hh_size < n_children', [2]],
		["in(country, 'DE', 'AT')", [1, 2]],
		["in(lower(country), 'de')", [1, 6]],
		["country in ('DE', 'AT')", [1, 2]],
		["country not in ('DE', 'AT')", [4, 6]],
		['q4 in (1) and not q5 in (2, 5)', [6]],
		['q4 in (2) and not q5 in (-3, 5)', []],
		['between(age, 18, 65)', [2]],
		['len(oe1) < 3', [2, 4]],
		["lower(gender) = 'male'", [1, 3, 6]],
		['upper(trim(gender)) == "MALE"', [1, 3, 6]],
		['not (age < 18)', [2, 4]],
		['age < 18 or age > 65', [1, 4]],
		["dob < '2000-01-01'", [2, 4]],
		["dob >= '2000-01-01' and dob <= '2001-12-31'", [5, 6]],
		["between(dob, '1950-01-01', '1991-01-01')", [2, 4]],
		["started > '2026-05-02'", [4, 5, 6]],
		["started < '2026-05-01 12:00:00'", [1]],
		['(hh_size - n_children) * 2 >= 4', [1, 3, 5]],
		['hh_size / 0 > 1', []],
		['-q5 < -3', [4, 6]],
		['abs(0 - hh_size) = 5', [5]],
		['`Größe m²` > 170', [2, 5, 6]],
		['`we"ird` = 3', [3]],
		[`oe1 = 'it''s "x"'`, [5]],
		['country is missing', [3, 5]],
		['oe1 is missing', [3, 6]],
		['q5 is missing', [2, 3, 5]],
		['lower(gender) is missing', [4]],
		['true', [1, 2, 3, 4, 5, 6]],
		['age = age', [1, 2, 4]],
		['(q4 = 1) = (q5 is missing)', [3]]
	])('%s → rows %j', async (rule, rows) => {
		expect(Array.from(await evaluateRule(db, rule, DICTIONARY))).toEqual(rows);
	});
});

describe('compileRule', () => {
	it('binds every literal and quotes every name', () => {
		const { text: sql, params } = compileRule(parseRule("in(country, 'DE', 'AT') and hh_size < 3", DICTIONARY), DICTIONARY);
		expect(params).toEqual([expect.stringMatching(/^\s+$/), 'XX', 'DE', 'AT', 3]); // the blanks trim() removes, then the user-missing code
		expect(sql).not.toMatch(/'DE'|'AT'|\b3\b/);
		expect(sql).toContain('"country"');
		expect(sql.split('?').length - 1).toBe(params.length);
	});

	it('user-missing values take part as bound parameters: discrete and range', () => {
		const { params } = compileRule(parseRule('age > 0', DICTIONARY), DICTIONARY);
		expect(params).toEqual([-9, 997, 999, 0]);
	});
});
