import { describe, expect, it } from 'vitest';
import { defaultRates, PLANTED_KINDS } from '../../../app/lib/demo/kinds';
import { kindOf, makePlan } from '../../../app/lib/demo/plan';

describe('makePlan', () => {
	it('gives each planted row one kind, and duplicates a clean source', () => {
		const plan = makePlan(1000, 9, defaultRates());
		const seen = PLANTED_KINDS.map((k) => Array.from({ length: 1000 }, (_, i) => i).filter((i) => kindOf(plan, i) === k).length);
		expect(seen).toEqual(PLANTED_KINDS.map(() => 30));
		for (let i = 0; i < 1000; i++) {
			const k = kindOf(plan, i);
			if (k === 'exact-duplicate' || k === 'near-duplicate') {
				expect(kindOf(plan, plan.source[i])).toBeNull();
				const earlierClean = Array.from({ length: i }, (_, j) => j).some((j) => kindOf(plan, j) === null);
				expect(plan.source[i] < i || !earlierClean).toBe(true);
			} else expect(plan.source[i]).toBe(-1);
		}
	});

	it('rejects rates outside 0..1 and plans that leave no source to copy', () => {
		expect(() => makePlan(10, 1, { ...defaultRates(), bot: 1.5 })).toThrow(/bot/);
		const all = Object.fromEntries(PLANTED_KINDS.map((k) => [k, 0])) as ReturnType<typeof defaultRates>;
		expect(() => makePlan(10, 1, { ...all, 'exact-duplicate': 1 })).toThrow(/clean/);
		expect(makePlan(10, 1, { ...all, speeder: 1 }).counts.speeder).toBe(10);
	});
});
