import { describe, expect, it } from 'vitest';
import { isValidLongName, planNames } from '../../../../../app/lib/io/spss/write/names';

describe('planNames', () => {
	it('accepts legal long names as they are', () => {
		for (const n of ['a', 'Größe', '@x', 'q1.a', 'x_#$', 'a'.repeat(64)]) expect(isValidLongName(n), n).toBe(true);
		for (const n of ['', '1a', '_a', 'a b', 'a.', 'AND', 'a'.repeat(65), 'ö'.repeat(33)]) expect(isValidLongName(n), n).toBe(false);
	});

	it('gives every variable a distinct upper-case short name of at most 8 ASCII bytes', () => {
		const plan = planNames(['respondent_id', 'respondent_age', 'Größe', 'x', 'X_2', 'émoji😀']);
		expect(plan.short).toEqual(['RESPONDE', 'RESPOND1', 'GRSSE', 'X', 'X_2', 'MOJI_']);
		expect(plan.long).toEqual(['respondent_id', 'respondent_age', 'Größe', 'x', 'X_2', 'émoji_']);
		expect(plan.renamed).toEqual([{ index: 5, from: 'émoji😀', to: 'émoji_' }]);
	});

	it('never gives a short name that is another variable’s long name', () => {
		const plan = planNames(['longname_a', 'LONGNAME']);
		expect(plan.short[0]).not.toBe('LONGNAME');
		expect(plan.short[1]).toBe('LONGNAME');
	});

	it('makes case-folded duplicates distinct and cuts over-long names on a character boundary', () => {
		const plan = planNames(['age', 'AGE', 'Age', 'ö'.repeat(40)]);
		expect(plan.long).toEqual(['age', 'AGE_2', 'Age_3', 'ö'.repeat(32)]);
	});
});
