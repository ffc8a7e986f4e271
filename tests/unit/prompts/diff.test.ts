import { describe, expect, it } from 'vitest';
import { diffLines } from '../../../app/lib/prompts';

describe('diffLines', () => {
	it('keeps common lines and marks removed and added ones in place', () => {
		expect(diffLines('a\nb\nc\nd', 'a\nc\nx\nd\ne')).toEqual([
			{ op: 'same', text: 'a' },
			{ op: 'remove', text: 'b' },
			{ op: 'same', text: 'c' },
			{ op: 'add', text: 'x' },
			{ op: 'same', text: 'd' },
			{ op: 'add', text: 'e' }
		]);
	});

	it('gives the newer text back from its same and add lines, and the older from same and remove', () => {
		const older = 'You help.\nBe brief.\nName each flag.\nAnswer in {{language}}.';
		const newer = 'You help survey researchers.\nName each flag.\nSay what to check.\nAnswer in {{language}}.';
		const d = diffLines(older, newer);
		expect(
			d
				.filter((l) => l.op !== 'remove')
				.map((l) => l.text)
				.join('\n')
		).toBe(newer);
		expect(
			d
				.filter((l) => l.op !== 'add')
				.map((l) => l.text)
				.join('\n')
		).toBe(older);
		expect(d.filter((l) => l.op === 'same')).toHaveLength(2);
	});
});
