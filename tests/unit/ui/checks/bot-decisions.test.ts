import { describe, expect, it } from 'vitest';
import type { Decision } from '../../../../app/lib/collab/types';
import { botDecisions } from '../../../../app/lib/ui/checks/bot-decisions';

let id = 0;
const d = (row: number, action: Decision['action'], extra: Partial<Decision> = {}): Decision => ({
	id: String(++id),
	target: { respondent: `r${row}`, row },
	action,
	reason: 'bot',
	author: 'ana',
	time: `2026-12-08T01:${String(id).padStart(2, '0')}:00Z`,
	status: 'proposed',
	...extra
});

describe('botDecisions', () => {
	it("takes each respondent's current keep or exclude by row, leaving out bulk, sent-back and cell decisions", () => {
		const list = [
			d(5, 'exclude'),
			d(2, 'keep', { status: 'approved' }),
			d(5, 'keep'), // changed their mind: the last decision counts
			d(7, 'exclude', { bulk: true }),
			d(9, 'exclude', { status: 'sent-back' }),
			d(3, 'set-missing', { target: { respondent: 'r3', row: 3, variable: 'q1' } }),
			d(11, 'exclude', { target: { respondent: 'r11' } })
		];
		expect(botDecisions(list)).toEqual([
			{ row: 2, exclude: false },
			{ row: 5, exclude: false }
		]);
	});
});
