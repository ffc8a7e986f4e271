import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileRule, evaluateRule, parseRule, RuleError } from '../../../../app/lib/engine/rules/index';
import type { SqlDb } from '../../../../app/lib/engine/sql/db';
import { DICTIONARY, openFixtureDb } from './fixture';

let db: SqlDb;
beforeAll(async () => {
	db = await openFixtureDb();
	await db.exec('CREATE TABLE sentinel AS SELECT 42 AS answer');
});
afterAll(async () => {
	await db.close();
});

async function expectTablesIntact() {
	const rows = await db.query('SELECT count(*)::INTEGER AS n FROM data');
	expect(rows.get(0)!.toJSON().n).toBe(6);
	const sentinel = await db.query('SELECT answer FROM sentinel');
	expect(sentinel.get(0)!.toJSON().answer).toBe(42);
}

/** Runs a rule; RuleError is an acceptable answer, anything else fails the test. */
async function tryRule(text: string): Promise<number[] | RuleError> {
	try {
		return Array.from(await evaluateRule(db, text, DICTIONARY));
	} catch (e) {
		if (e instanceof RuleError) return e;
		throw e;
	}
}

/** What compiled SQL may contain outside quoted names: our keywords, operators and `?`, never user text. */
function outsideIdentifiers(sql: string): string {
	return sql.replace(/"(?:[^"]|"")*"/g, 'ID');
}

describe('hostile rule text', () => {
	it.each([
		`oe1 = "'); DROP TABLE data; --"`,
		`oe1 = '\\u0027); DROP TABLE sentinel; --'`,
		`in(country, 'DE''); DROP TABLE data; --', 'x')`,
		`lower(gender) = 'male" OR 1=1 --'`,
		`oe1 = '/* */ OR TRUE'`,
		`oe1 = '\\u{1F4A3}\\n\\t\\0'`
	])('a string literal stays a bound value: %s', async (text) => {
		const { text: sql, params } = compileRule(parseRule(text, DICTIONARY), DICTIONARY);
		expect(sql).not.toMatch(/DROP|DELETE|OR 1=1|\/\*|--|;/);
		expect(params.some((p) => typeof p === 'string' && p.length > 2)).toBe(true);
		expect(await tryRule(text)).toEqual([]);
		await expectTablesIntact();
	});

	it.each([
		['age < 18; DROP TABLE data', 9],
		['age < 18 -- comment', 13],
		['age < 18 /* c */', 11],
		['`data"; DROP TABLE data; --` = 1', 1],
		['"age" < 18', 7],
		["age < 18 ' OR '1'='1", 10],
		[`oe1 = '\\''; DELETE FROM data; SELECT '`, 11],
		['\\u0061ge < 18', 1],
		['age\u0000 < 18', 4]
	])('refused before any SQL: %s', async (text, column) => {
		const result = await tryRule(text);
		expect(result).toBeInstanceOf(RuleError);
		expect((result as RuleError).column).toBe(column);
		await expectTablesIntact();
	});

	it('a variable name with a double quote reaches SQL doubled inside quotes', () => {
		const { text: sql } = compileRule(parseRule('`we"ird` = 1', DICTIONARY), DICTIONARY);
		expect(sql).toContain('"we""ird"');
	});

	it('100 000 opening parentheses: a length error, not a stack overflow', () => {
		expect(() => parseRule('('.repeat(100000), DICTIONARY)).toThrow(/longer than 10000 characters at column 10001/);
	});

	it('4000 nested parentheses: refused at the 65th', () => {
		const text = '('.repeat(4000) + 'age < 1' + ')'.repeat(4000);
		expect(() => parseRule(text, DICTIONARY)).toThrow(/nested more than 64 levels deep at column 65/);
	});

	it('3000 × not, 5000 × unary minus, nested function calls: refused', () => {
		expect(() => parseRule('not '.repeat(2400) + 'age < 1', DICTIONARY)).toThrow(RuleError);
		expect(() => parseRule('age < ' + '-'.repeat(5000) + '1', DICTIONARY)).toThrow(RuleError);
		expect(() => parseRule('len(' + 'lower('.repeat(1500) + 'oe1' + ')'.repeat(1501) + ' > 1', DICTIONARY)).toThrow(RuleError);
	});

	it('a 300-term arithmetic chain is refused as too deep for SQL', () => {
		expect(() => parseRule('age' + ' + 1'.repeat(300) + ' > 1', DICTIONARY)).toThrow(/nested more than 200 levels deep/);
	});

	it('a flat 600-way "or" is fine and runs on DuckDB', async () => {
		const text = Array.from({ length: 600 }, (_, i) => `q4 = ${i}`).join(' or ');
		expect(await tryRule(text)).toEqual([1, 2, 3, 5, 6]);
	});

	it('more than 2000 terms is refused', () => {
		const text = Array.from({ length: 700 }, () => 'q4=1').join(' or ');
		expect(() => parseRule(text, DICTIONARY)).toThrow(/more than 2000 terms/);
	});

	it('random hostile text: only RuleError or a result, user text never in the SQL, tables intact', async () => {
		const pieces = [
			'age',
			'q4',
			'oe1',
			'country',
			'dob',
			'`we"ird`',
			'`x`',
			'and',
			'or',
			'not',
			'is',
			'missing',
			'(',
			')',
			',',
			'<',
			'=',
			'!=',
			'+',
			'-',
			'*',
			'/',
			'18',
			'1.5',
			"'DE'",
			'"a\\"b"',
			"'; DROP TABLE data; --'",
			"'2001-02-30'",
			"'2000-01-01'",
			'in(',
			'between(',
			'len(',
			'lower(',
			';',
			'--',
			'/*',
			'"',
			"'",
			'\\u0027',
			'\u0000',
			'ä',
			'😀',
			'true'
		];
		await fc.assert(
			fc.asyncProperty(fc.array(fc.constantFrom(...pieces), { maxLength: 14 }), async (tokens) => {
				const text = tokens.join(' ');
				let compiled: { text: string } | null = null;
				try {
					compiled = compileRule(parseRule(text, DICTIONARY), DICTIONARY);
				} catch (e) {
					expect(e).toBeInstanceOf(RuleError);
					return;
				}
				expect(outsideIdentifiers(compiled.text)).toMatch(/^[A-Za-z_ ()?,<>=+\-*/0-9']*$/);
				expect(outsideIdentifiers(compiled.text)).not.toMatch(/--|;/);
				const result = await tryRule(text);
				expect(Array.isArray(result)).toBe(true);
			}),
			{ numRuns: 400, seed: 4 }
		);
		await expectTablesIntact();
	});
});
