import { describe, expect, it } from 'vitest';
import { learnFromReviewers, reviewerProbability, type ReviewedBot } from '../../../../app/lib/engine/bot/reviewer-calibration';

const r = (score: number, pValue: number, exclude: boolean, flagged = true): ReviewedBot => ({ score, pValue, exclude, flagged });

describe('learnFromReviewers', () => {
	it('waits for 10 decisions with at least two of each kind, and says what it has', () => {
		const l = learnFromReviewers([r(2, 0.5, true), r(1, 0.2, false), r(3, 0.7, true)]);
		expect(l.calibration).toBeNull();
		expect(l.reason).toBe('needs 10 decisions on bot-flagged respondents with at least 2 kept and 2 excluded (has 1 kept, 2 excluded)');
		expect(l.before).toEqual({ flagged: 3, excluded: 2, precision: 2 / 3 });
		const allExcluded = learnFromReviewers(Array.from({ length: 12 }, (_, i) => r(i, 0.5, true)));
		expect(allExcluded.calibration).toBeNull();
	});

	// reviewers exclude the high scores and keep the low ones (the flagged humans sit just above the threshold)
	const decided = Array.from({ length: 40 }, (_, i) => {
		const score = 1 + i / 10;
		return r(score, 0.1 + i / 50, score > 2.5);
	});

	it('learns that a higher score means exclude, and keeps only what reviewers would exclude (precision checked leave-one-out)', () => {
		const l = learnFromReviewers(decided);
		expect(l.decisions).toBe(40);
		expect(l.excluded).toBe(24);
		expect(l.before.precision).toBeCloseTo(24 / 40, 12);
		const c = l.calibration!;
		expect(c.decisions).toBe(40);
		expect(reviewerProbability(c, 4.5, 0.9)).toBeGreaterThan(0.9);
		expect(reviewerProbability(c, 1.2, 0.15)).toBeLessThan(0.1);
		expect(l.after!.precision!).toBeGreaterThan(0.9);
		expect(l.after!.flagged).toBeGreaterThan(20);
	});

	it('counts as "before" only the decided respondents the current run flags', () => {
		const l = learnFromReviewers(decided.map((d, i) => ({ ...d, flagged: i >= 20 })));
		expect(l.before).toEqual({ flagged: 20, excluded: 20, precision: 1 });
	});

	it('stays flat with contradictory decisions: the layer then says the reviewers’ exclusion rate', () => {
		const noisy = Array.from({ length: 30 }, (_, i) => r(1 + (i % 5), 0.5, i % 3 === 0));
		const c = learnFromReviewers(noisy).calibration!;
		for (const score of [1, 3, 5]) expect(reviewerProbability(c, score, 0.5)).toBeCloseTo(1 / 3, 1);
	});
});
