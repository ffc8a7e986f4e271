import { describe, expect, it } from 'vitest';
import { parseRule, RuleError } from '../../../../app/lib/engine/rules/index';
import { DICTIONARY } from './fixture';

function errorOf(text: string): RuleError {
	try {
		parseRule(text, DICTIONARY);
	} catch (e) {
		if (e instanceof RuleError) return e;
		throw e;
	}
	throw new Error(`no error for ${text}`);
}

describe('parseRule', () => {
	it('age < 18 → compare(variable, number)', () => {
		expect(parseRule('age < 18', DICTIONARY)).toEqual({
			kind: 'compare',
			op: '<',
			column: 5,
			left: { kind: 'variable', name: 'age', column: 1 },
			right: { kind: 'number', value: 18, column: 7 }
		});
	});

	it('and binds tighter than or; not applies to the comparison', () => {
		const ast = parseRule('not q4 = 1 or q5 is missing and age > 3', DICTIONARY);
		expect(ast.kind).toBe('or');
		if (ast.kind !== 'or') return;
		expect(ast.operands.map((o) => o.kind)).toEqual(['not', 'and']);
	});

	it('* binds tighter than +, left to right', () => {
		const ast = parseRule('hh_size - n_children * 2 + 1 > 0', DICTIONARY);
		expect(ast).toMatchObject({
			kind: 'compare',
			left: {
				kind: 'arith',
				op: '+',
				left: { kind: 'arith', op: '-', right: { kind: 'arith', op: '*' } },
				right: { kind: 'number', value: 1 }
			}
		});
	});

	it('keywords and functions are case-insensitive; variables fall back to a unique case-insensitive match', () => {
		expect(parseRule('AGE IS NOT MISSING AND Between(Age, 1, 2)', DICTIONARY)).toMatchObject({
			kind: 'and',
			operands: [
				{ kind: 'missing', negated: true, operand: { kind: 'variable', name: 'age' } },
				{ kind: 'call', fn: 'between' }
			]
		});
	});

	it('strings in either quote with escapes: doubled quotes, \\n, \\u0027, \\u{1F600}', () => {
		const ast = parseRule(`in(oe1, 'it''s', "say \\"hi\\"", 'a\\nb', '\\u0027', '\\u{1F600}')`, DICTIONARY);
		expect(ast.kind === 'call' && ast.args.slice(1).map((a) => (a.kind === 'string' ? a.value : null))).toEqual([
			"it's",
			'say "hi"',
			'a\nb',
			"'",
			'😀'
		]);
	});

	it('backtick names with spaces, unicode and a double quote', () => {
		expect(parseRule('`Größe m²` > 150 and `we"ird` = 1', DICTIONARY)).toMatchObject({
			kind: 'and',
			operands: [{ left: { kind: 'variable', name: 'Größe m²' } }, { left: { kind: 'variable', name: 'we"ird' } }]
		});
	});

	it('numbers: 1.5, .5, 2e3, negative', () => {
		const ast = parseRule('in(age, 1.5, .5, 2e3, -4)', DICTIONARY);
		expect(ast.kind === 'call' && ast.args.slice(1).map((a) => (a.kind === 'number' ? a.value : a.kind))).toEqual([
			1.5,
			0.5,
			2000,
			'negate'
		]);
	});

	it.each([
		['(age < 18', "expected ')' at column 10; found the end of the rule", 10],
		['between(age, 18, 65', "expected ')' at column 20; found the end of the rule", 20],
		['agee < 18', 'unknown variable "agee" at column 1; did you mean "age"?', 1],
		['q4 = 1 and countyr = "DE"', 'unknown variable "countyr" at column 12; did you mean "country"?', 12],
		['zzzzzz > 1', 'unknown variable "zzzzzz" at column 1', 1],
		['age < ', 'expected a value, variable or "(" at column 7; found the end of the rule', 7],
		['age 18', 'unexpected number 18 at column 5', 5],
		['age < 18 18', 'unexpected number 18 at column 10', 10],
		["age < 'x'", 'cannot compare number variable "age" with a string at column 5', 5],
		['country = 3', 'cannot compare string variable "country" with a number at column 9', 9],
		['age', 'a rule must be a condition such as "age < 18", not a number at column 1', 1],
		['age + 1', 'a rule must be a condition such as "age < 18", not a number at column 5', 5],
		['len(age) > 1', 'len() needs a string, not number variable "age" at column 5', 5],
		['q4 = 1 and 3', '"and" needs a condition, not a number at column 12', 12],
		['1 < 2 < 3', 'comparisons cannot be chained; use "and" at column 7', 7],
		['foo(age)', 'unknown function "foo" at column 1; functions are in, between, len, lower, upper, trim, abs', 1],
		['between(age, 1)', 'between() takes 3 arguments, got 2 at column 1', 1],
		['in(age)', 'in() takes at least 2 arguments, got 1 at column 1', 1],
		["dob < '2001-13-45x'", '"2001-13-45x" is not a date; write \'YYYY-MM-DD\' at column 7', 7],
		["age is 'x'", 'expected "missing" at column 8; found a string', 8],
		["'abc", 'unterminated string starting at column 1', 1],
		["'a\\q'", 'unknown escape \\q at column 3', 3],
		['`age', 'unterminated `quoted name` starting at column 1', 1],
		['age < 18;', 'unexpected character ";" at column 9', 9],
		['12abc > 1', 'unexpected character "a" at column 3', 3],
		['', 'empty rule at column 1', 1],
		["country in 'DE'", "expected '(' at column 12; found a string", 12],
		["country not in ('DE'", "expected ')' at column 21; found the end of the rule", 21],
		['country not missing', 'unexpected "not" at column 9', 9]
	])('%s → %s', (text, message, column) => {
		const e = errorOf(text);
		expect(e.message).toBe(message);
		expect(e.column).toBe(column);
	});
});
