import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const PLATFORM = new URL('../../fixtures/import/platform/', import.meta.url).pathname;
const SIEVE = [new URL('../../../node_modules/tsx/dist/cli.mjs', import.meta.url).pathname, 'app/cli/sieve.ts'];

describe('sieve inspect on a Qualtrics export', () => {
	it('lists the question text as labels, the header rows gone from the data', () => {
		const text = execFileSync('node', [...SIEVE, 'inspect', `${PLATFORM}qualtrics.csv`], { encoding: 'utf8' });
		expect(text.split('\n')[0]).toBe('40 rows, 34 variables, utf-8');
		expect(text).toContain('  ResponseId  string  Response ID\n');
		expect(text).toContain('  Q1_2  numeric  How satisfied are you with the following? (1 = very dissatisfied, 5 = very satisfied) - the quality\n');
		const json = JSON.parse(execFileSync('node', [...SIEVE, 'inspect', `${PLATFORM}qualtrics.csv`, '--json', '--rows', '1'], { encoding: 'utf8' }));
		expect(json.warnings).toEqual(['Qualtrics export: 2 header rows read as labels (question text) and import ids']);
		expect(json.head[0].ResponseId).toMatch(/^R_[A-Za-z0-9]{15}$/);
		expect(typeof json.head[0].Q1_1).toBe('number');
	});
});
