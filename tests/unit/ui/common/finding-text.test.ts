import { describe, expect, it } from 'vitest';
import { findingText } from '../../../../app/lib/ui/common/finding-text';

describe('findingText', () => {
	it('names the variable once', () => {
		expect(findingText({ variable: 'country', message: 'country: 3 spellings of "Germany"' })).toEqual({
			variable: 'country',
			message: '3 spellings of "Germany"'
		});
		expect(findingText({ variable: 'q5', message: 'q5 answered although routing skips it' })).toEqual({
			variable: null,
			message: 'q5 answered although routing skips it'
		});
		expect(findingText({ variable: 'age', message: 'age = 340 is above the range' })).toEqual({
			variable: null,
			message: 'age = 340 is above the range'
		});
	});

	it('keeps the name when the message does not start with it', () => {
		expect(findingText({ variable: 'q5', message: 'q50 answered' })).toEqual({ variable: 'q5', message: 'q50 answered' });
		expect(findingText({ variable: 'attn', message: 'failed the attention check attn' })).toEqual({
			variable: 'attn',
			message: 'failed the attention check attn'
		});
		expect(findingText({ message: 'finished in 40 s' })).toEqual({ variable: null, message: 'finished in 40 s' });
	});
});
