import { describe, expect, it } from 'vitest';
import { decisionsToRecipe, parseRecipe, serialiseRecipe, type Decision } from '../../../../app/lib/engine/recipe';

const SHA = 'ab'.repeat(32);
const SPEC_EXAMPLE = {
	version: 1,
	dataset: { sha256: SHA },
	steps: [
		{ action: 'exclude', respondent: 17, reason: 'speeder' },
		{ action: 'set-missing', respondent: 3, variable: 'age' },
		{ action: 'edit-value', respondent: 5, variable: 'age', value: 34 },
		{ action: 'recode', variable: 'gender', from: ['m', 'Male '], to: 'Male' }
	]
};

describe('parseRecipe', () => {
	it('accepts the SPEC §7 example as it is', () => {
		expect(parseRecipe(structuredClone(SPEC_EXAMPLE))).toEqual(SPEC_EXAMPLE);
	});

	it.each([
		[null, 'recipe: expected a JSON object'],
		[{ ...SPEC_EXAMPLE, version: 2 }, 'recipe: "version" must be 1, got 2'],
		[{ ...SPEC_EXAMPLE, dataset: { sha256: 'xyz' } }, 'recipe: "dataset.sha256" must be 64 hex digits'],
		[{ ...SPEC_EXAMPLE, steps: {} }, 'recipe: "steps" must be a list'],
		[
			{ ...SPEC_EXAMPLE, steps: [{ action: 'delete', respondent: 1 }] },
			'recipe step 0: "action" must be one of exclude, keep, set-missing, edit-value, recode, merge-categories, mask-pii, got "delete"'
		],
		[
			{ ...SPEC_EXAMPLE, steps: [{ action: 'keep', respondent: 1 }, { action: 'exclude' }] },
			'recipe step 1 (exclude): "respondent" is required'
		],
		[{ ...SPEC_EXAMPLE, steps: [{ action: 'exclude', respondant: 1 }] }, 'recipe step 0 (exclude): unknown field "respondant"'],
		[
			{ ...SPEC_EXAMPLE, steps: [{ action: 'exclude', respondent: { a: 1 } }] },
			'recipe step 0 (exclude): "respondent" must be a number or text'
		],
		[
			{ ...SPEC_EXAMPLE, steps: [{ action: 'edit-value', respondent: 1, variable: 'a', value: [1] }] },
			'recipe step 0 (edit-value): "value" must be a number, text or null'
		],
		[
			{ ...SPEC_EXAMPLE, steps: [{ action: 'recode', variable: 'a', from: [], to: 1 }] },
			'recipe step 0 (recode): "from" must be a non-empty list'
		],
		[
			{ ...SPEC_EXAMPLE, steps: [{ action: 'recode', variable: 'a', from: [1, true], to: 1 }] },
			'recipe step 0 (recode): "from[1]" must be a number, text or null'
		],
		[
			{ ...SPEC_EXAMPLE, steps: [{ action: 'set-missing', variable: '' }] },
			'recipe step 0 (set-missing): "variable" must be a variable name'
		],
		[{ ...SPEC_EXAMPLE, steps: [{ action: 'exclude', respondent: 1, reason: 7 }] }, 'recipe step 0 (exclude): "reason" must be text'],
		[
			{ ...SPEC_EXAMPLE, steps: [{ action: 'merge-categories', variable: 'a', from: [1], to: 2, label: 3 }] },
			'recipe step 0 (merge-categories): "label" must be text'
		]
	])('refuses %j with a message naming the step and field', (json, message) => {
		expect(() => parseRecipe(json)).toThrow(message);
	});
});

describe('serialiseRecipe', () => {
	it('round-trips through JSON.parse and parseRecipe, hostile text included', () => {
		const hostile = `'; DROP TABLE data; -- "quoted" \\ \n line`;
		const recipe = parseRecipe({
			version: 1,
			dataset: { sha256: SHA.toUpperCase() },
			steps: [
				...SPEC_EXAMPLE.steps,
				{
					action: 'merge-categories',
					variable: hostile,
					from: [hostile, null],
					to: 'x',
					label: hostile,
					reason: hostile,
					author: 'ana',
					time: '2025-01-01T00:00:00Z'
				},
				{ action: 'keep', respondent: 'r-1' }
			]
		});
		const text = serialiseRecipe(recipe);
		expect(parseRecipe(JSON.parse(text))).toEqual(recipe);
		expect(recipe.dataset?.sha256).toBe(SHA);
		expect(text.split('\n')[2]).toBe('    {"action":"exclude","respondent":17,"reason":"speeder"},');
		expect(serialiseRecipe({ version: 1, dataset: { sha256: SHA }, steps: [] })).toBe(
			`{ "version": 1, "dataset": { "sha256": "${SHA}" },\n  "steps": [] }\n`
		);
	});
});

describe('decisionsToRecipe', () => {
	const base = { reason: 'r', author: 'ana', time: '2025-01-01T00:00:00Z' };
	it('maps each target and action to its step', () => {
		const decisions: Decision[] = [
			{ ...base, target: { kind: 'respondent', respondent: 17 }, action: 'exclude' },
			{ ...base, target: { kind: 'respondent', respondent: 18 }, action: 'keep' },
			{ ...base, target: { kind: 'cell', respondent: 3, variable: 'age' }, action: 'set-missing' },
			{ ...base, target: { kind: 'variable', variable: 'email' }, action: 'set-missing' },
			{ ...base, target: { kind: 'category', variable: 'q1', values: [98, 99] }, action: 'set-missing' },
			{ ...base, target: { kind: 'cell', respondent: 5, variable: 'age' }, action: 'edit-value', value: 34 },
			{ ...base, target: { kind: 'category', variable: 'gender', values: ['m'] }, action: 'recode', value: 'Male' },
			{
				...base,
				target: { kind: 'category', variable: 'city', values: ['NYC', 'New York'] },
				action: 'merge-categories',
				value: 'New York',
				label: 'NY'
			}
		];
		expect(decisionsToRecipe(decisions, SHA).steps).toEqual([
			{ action: 'exclude', respondent: 17, ...base },
			{ action: 'keep', respondent: 18, ...base },
			{ action: 'set-missing', respondent: 3, variable: 'age', ...base },
			{ action: 'set-missing', variable: 'email', ...base },
			{ action: 'set-missing', variable: 'q1', from: [98, 99], ...base },
			{ action: 'edit-value', respondent: 5, variable: 'age', value: 34, ...base },
			{ action: 'recode', variable: 'gender', from: ['m'], to: 'Male', ...base },
			{ action: 'merge-categories', variable: 'city', from: ['NYC', 'New York'], to: 'New York', label: 'NY', ...base }
		]);
		expect(parseRecipe(JSON.parse(serialiseRecipe(decisionsToRecipe(decisions, SHA))))).toEqual(decisionsToRecipe(decisions, SHA));
	});

	it('refuses an action on a target it does not apply to', () => {
		expect(() => decisionsToRecipe([{ ...base, target: { kind: 'variable', variable: 'a' }, action: 'exclude' }], SHA)).toThrow(
			'decision 0: "exclude" does not apply to a variable'
		);
		expect(() => decisionsToRecipe([{ ...base, target: { kind: 'category', variable: 'a', values: [1] }, action: 'recode' }], SHA)).toThrow(
			'decision 0: "recode" needs the target category as its value'
		);
	});
});

describe('parseRecipe mask-pii', () => {
	it('reads a mask-pii step and checks its kinds', () => {
		const steps = [{ action: 'mask-pii', variable: 'oe1', kinds: ['email', 'name'], reason: 'mask personal data in open ends' }];
		expect(parseRecipe({ version: 1, steps }).steps).toEqual(steps);
		expect(() => parseRecipe({ version: 1, steps: [{ action: 'mask-pii', variable: 'oe1', kinds: ['emails'] }] })).toThrow(
			'recipe step 0 (mask-pii): "kinds" must be a list of email, url, iban, card, ip, id, phone, address, name'
		);
	});
});
