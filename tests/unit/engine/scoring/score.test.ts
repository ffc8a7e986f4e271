import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreRespondents, verdictOf, whatIf } from '../../../../app/lib/engine/scoring';
import type { Finding } from '../../../../app/lib/engine/checks/types';
import { appendFindings } from '../../../../app/lib/engine/results/store-results';
import type { SqlDb } from '../../../../app/lib/engine/sql/db';
import { dictionaryOf, openNodeDb, tableOf, variable } from '../checks/helpers';

const f = (row: number, check: string, severity: Finding['severity'], score: number): Finding => ({
	check,
	level: 'respondent',
	respondent: row,
	row,
	severity,
	score,
	message: `${check} ${row}`,
	evidence: {}
});

describe('scoreRespondents', () => {
	it('combines checks multiplicatively and lists the reasons by impact', () => {
		const s = scoreRespondents([
			f(1, 'speeders', 'error', 1),
			f(1, 'straightlining', 'warning', 1),
			f(2, 'range', 'warning', 0.5),
			f(3, 'sentiment', 'info', 1)
		]);
		// speeders: 100 × (1 − 0.8) = 20; straightlining: 20 × (1 − 0.6 × 0.6) = 12.8
		expect(s.get(1)!.score).toBe(13);
		expect(s.get(1)!.verdict).toBe('remove');
		expect(s.get(1)!.reasons.map((r) => [r.check, r.impact])).toEqual([
			['speeders', 80],
			['straightlining', 7.2]
		]);
		// range: 100 × (1 − 0.4 × 0.6 × 0.5) = 88
		expect(s.get(2)!.score).toBe(88);
		expect(s.get(2)!.verdict).toBe('keep');
		expect(s.get(3)!.score).toBe(100);
		expect(s.get(3)!.reasons).toEqual([]);
	});

	it('counts only the strongest finding of a check', () => {
		const s = scoreRespondents([f(1, 'text-quality', 'warning', 1), f(1, 'text-quality', 'warning', 1)]);
		expect(s.get(1)!.score).toBe(70);
	});

	it('takes weights and thresholds from the options', () => {
		const s = scoreRespondents([f(1, 'range', 'error', 1)], { weights: { range: 1 }, remove: 10 });
		expect(s.get(1)!.score).toBe(1);
		expect(verdictOf(60, { review: 70, remove: 50 })).toBe('review');
		expect(verdictOf(49)).toBe('remove');
		expect(verdictOf(85)).toBe('keep');
	});
});

describe('whatIf', () => {
	let db: SqlDb;
	const dict = dictionaryOf([variable('rid'), variable('sat', 'numeric', { missing: { values: [99], range: null } })]);
	beforeAll(async () => {
		db = await openNodeDb();
		await tableOf(db, dict, [
			[1, 5],
			[2, 1],
			[3, 4],
			[4, 99],
			[5, 3]
		]);
	});
	afterAll(() => db.close());

	it('counts removals per threshold and the change in key means', async () => {
		const scores = scoreRespondents([f(2, 'speeders', 'error', 1), f(4, 'speeders', 'error', 0.5), f(5, 'patterns', 'warning', 1)]);
		// scores: 2 → 20, 4 → 60, 5 → 70
		const res = await whatIf(db, dict, scores, [50, 65, 75], ['sat']);
		expect(res.map((r) => r.removed)).toEqual([1, 2, 3]);
		expect(res[0].means.sat).toEqual({ all: 13 / 4, kept: 12 / 3, change: 12 / 3 - 13 / 4 });
		expect(res[2].means.sat.kept).toBe(4.5);
		expect(res.map((r) => r.by)).toEqual(['score', 'score', 'score']);
	});

	it('adds a row per bot-probability threshold, read from the stored bot findings', async () => {
		const bot = (row: number, probability: number): Finding => ({
			...f(row, 'bot', 'warning', probability),
			evidence: { probability, pValue: 0.4, reasons: ['shuffled across the items they are just as typical (permutation p = 0.4)'] }
		});
		await appendFindings(db, [bot(1, 0.97), bot(3, 0.6), f(2, 'speeders', 'error', 1)], 0, true);
		const res = await whatIf(db, dict, new Map(), [50], ['sat'], [0.5, 0.9]);
		expect(res.map((r) => [r.by, r.threshold, r.removed])).toEqual([
			['score', 50, 0],
			['bot', 0.9, 1],
			['bot', 0.5, 2]
		]);
		// without respondent 1 (sat 5): 1, 4, 3 (99 is missing)
		expect(res[1].means.sat.kept).toBeCloseTo(8 / 3, 12);
		expect(res[2].means.sat.kept).toBe(2);
	});
});
