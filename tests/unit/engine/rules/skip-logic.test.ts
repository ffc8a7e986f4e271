import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateSkipRule, parseSkipRule, RuleError } from '../../../../app/lib/engine/rules/index';
import type { SqlDb } from '../../../../app/lib/engine/sql/db';
import { DICTIONARY, openFixtureDb } from './fixture';

let db: SqlDb;
beforeAll(async () => {
	db = await openFixtureDb();
});
afterAll(async () => {
	await db.close();
});

describe('skip logic', () => {
	it('"q5 asked if q4 = 1": q5 answered in rows 1 4 6, q4 = 1 in rows 1 3 6 → answered-when-skipped 4, missing-when-asked 3', async () => {
		const v = await evaluateSkipRule(db, 'q5 asked if q4 = 1', DICTIONARY);
		expect(Array.from(v.answeredWhenSkipped)).toEqual([4]);
		expect(Array.from(v.missingWhenAsked)).toEqual([3]);
	});

	it('an open end routed on a text condition; blank and NULL answers count as missing', async () => {
		const v = await evaluateSkipRule(db, 'oe1 asked if lower(gender) = "male"', DICTIONARY);
		expect(Array.from(v.answeredWhenSkipped)).toEqual([2, 4, 5]);
		expect(Array.from(v.missingWhenAsked)).toEqual([3, 6]);
	});

	it('parses the question and keeps columns of the condition', () => {
		const skip = parseSkipRule('`we"ird` ASKED IF q4 = 1', DICTIONARY);
		expect(skip.question).toBe('we"ird');
		expect(skip.condition).toMatchObject({ kind: 'compare', column: 22 });
	});

	it.each([
		['q5 if q4 = 1', 'expected "asked" at column 4; write e.g. "q5 asked if q4 = 1"'],
		['q5 asked q4 = 1', 'expected "if" at column 10; write e.g. "q5 asked if q4 = 1"'],
		['q55 asked if q4 = 1', 'unknown variable "q55" at column 1; did you mean "q5"?'],
		['q5 asked if q4 = ', 'expected a value, variable or "(" at column 18; found the end of the rule'],
		['q5 asked if', 'empty rule at column 1']
	])('%s → %s', (text, message) => {
		expect(() => parseSkipRule(text, DICTIONARY)).toThrow(RuleError);
		expect(() => parseSkipRule(text, DICTIONARY)).toThrow(message);
	});
});
