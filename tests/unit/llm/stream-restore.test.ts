import { describe, expect, it } from 'vitest';
import { createStreamRestorer } from '../../../app/lib/llm/stream-restore';

describe('createStreamRestorer', () => {
	const map = new Map([
		['[EMAIL_1]', 'jo@example.com'],
		['[NAME_12]', 'Ingeborg Wendt']
	]);
	it('restores placeholders cut at every possible point, showing everything in order', () => {
		const answer = 'Ask [NAME_12] at [EMAIL_1] [not a placeholder] or [CARD_3] [';
		const expected = 'Ask Ingeborg Wendt at jo@example.com [not a placeholder] or [CARD_3] [';
		for (let size = 1; size <= 12; size++) {
			const r = createStreamRestorer(map);
			let shown = '';
			for (let i = 0; i < answer.length; i += size) shown += r.push(answer.slice(i, i + size));
			shown += r.end();
			expect(shown, `pieces of ${size}`).toBe(expected);
		}
	});

	it('holds back only a tail that could still become a placeholder', () => {
		const r = createStreamRestorer(map);
		expect(r.push('Dear [NA')).toBe('Dear ');
		expect(r.push('ME_12], see [a long bracketed remark')).toBe('Ingeborg Wendt, see [a long bracketed remark');
	});
});
