import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factorSurvey } from '../../../../app/lib/demo/factor-survey';
import bot from '../../../../app/lib/engine/checks/bot';
import type { Finding } from '../../../../app/lib/engine/checks/types';
import type { SqlDb } from '../../../../app/lib/engine/sql/db';
import { learnFromReviewers } from '../../../../app/lib/engine/bot/reviewer-calibration';
import { reviewedBots } from '../../../../app/lib/engine/results/bot-fields';
import { appendFindings } from '../../../../app/lib/engine/results/store-results';
import { bfi, injectBots, loadAnswers, recallByKind, spi40 } from '../bot/answers-table';
import { openNodeDb, runOne } from './helpers';

const KINDS = ['uniform', 'mid-range', 'biased'] as const;

/** The decided respondents' evidence as the engine reads it back from the stored findings. */
async function reviewedBotsOf(db: SqlDb, findings: Finding[], decisions: { row: number; exclude: boolean }[]) {
	await appendFindings(db, findings, 0, true);
	return reviewedBots(db, decisions);
}
const flaggedRows = (f: Finding[]) => new Set(f.filter((x) => x.severity !== 'info').map((x) => x.row));
// the default sensitivity was chosen on bots injected with seed 15; these tests inject with seed 2026
const SEED = 2026;

describe('bot on real answers (psychTools::bfi, 2,800 people × 25 items) with 100 injected random responders of each kind', () => {
	let db: SqlDb;
	const { names, rows } = bfi();
	const truth = injectBots(rows, KINDS, 100, [1, 6], SEED);
	const config = { grids: [{ name: 'bfi', items: names, scale: [1, 6] as [number, number] }] };
	let dict: Awaited<ReturnType<typeof loadAnswers>>;
	beforeAll(async () => {
		db = await openNodeDb();
		dict = await loadAnswers(db, names, rows);
	});
	afterAll(() => db.close());

	it('by default flags under 5 % of the real people and over 80 % of each kind (measured 4.7 %; 86 / 91 / 84 %)', async () => {
		const findings = await runOne(db, dict, bot, config);
		const hit = flaggedRows(findings);
		const recall = recallByKind(truth, (r) => hit.has(r));
		console.info('bot, bfi, default sensitivity:', recall);
		for (const kind of KINDS) expect(recall[kind]).toBeGreaterThanOrEqual(0.8);
		expect(recall.human).toBeLessThanOrEqual(0.05);
		const bots = findings.filter((f) => truth[f.row! - 1] === 'uniform');
		const humans = findings.filter((f) => truth[f.row! - 1] === null);
		const mean = (list: Finding[], key: string) => list.reduce((s, f) => s + (f.evidence[key] as number), 0) / list.length;
		expect(mean(bots, 'probability')).toBeGreaterThan(mean(humans, 'probability'));
		// 300 of 3,100 rows are bots: the estimated share (measured 10.2 %), and most of those at even odds or above are bots (measured 83 %)
		expect(findings[0].evidence.prevalence).toBeGreaterThan(0.07);
		expect(findings[0].evidence.prevalence).toBeLessThan(0.13);
		const likely = findings.filter((f) => (f.evidence.probability as number) >= 0.5);
		expect(likely.filter((f) => truth[f.row! - 1] !== null).length).toBeGreaterThan(0.75 * likely.length);
		const one = bots[0];
		expect(one.message).toMatch(/^answers look random \(probability (0\.\d+|1)\): [^;]+(; [^;]+){1,2}$/);
		expect(one.message).toContain(`permutation p = `);
		expect(one.evidence.reasons).toHaveLength(3);
		expect(one.evidence.grids).toEqual(['bfi']);
		expect(one.evidence.pValue).toBeGreaterThan(0);
		expect(one.evidence.probability).toBeGreaterThan(0);
		expect(one.evidence.probability).toBeLessThanOrEqual(1);
		// a uniform bot's answers do not follow the shared pattern of the items
		expect(bots.filter((f) => Math.abs((f.evidence.features as Record<string, number>).person_total_r) < 0.3).length).toBeGreaterThan(
			0.8 * bots.length
		);
	});

	it('trades recall for false flags: at 0.95 over 88 % of each kind, and more real people flagged than by default', async () => {
		const hit = flaggedRows(await runOne(db, dict, bot, { ...config, checks: { bot: { sensitivity: 0.95 } } }));
		const recall = recallByKind(truth, (r) => hit.has(r));
		console.info('bot, bfi, sensitivity 0.95:', recall);
		for (const kind of KINDS) expect(recall[kind]).toBeGreaterThanOrEqual(0.88);
		expect(recall.human).toBeGreaterThan(0.05);
		expect(recall.human).toBeLessThanOrEqual(0.1);
	});

	it('learns from simulated reviewers: their keeps and excludes on 60 flagged respondents lower the false flags of the next run', async () => {
		const fast = { ...config, checks: { bot: { permutations: 100 } } };
		const first = (await runOne(db, dict, bot, fast)).filter((f) => f.severity !== 'info');
		// reviewers look at 60 flagged respondents spread over the file and exclude exactly the injected bots
		const step = first.length / 60;
		const decided = Array.from({ length: 60 }, (_, i) => first[Math.floor(i * step)]);
		const decisions = decided.map((f) => ({ row: f.row!, exclude: truth[f.row! - 1] !== null }));
		const reviewed = await reviewedBotsOf(db, first, decisions);
		const learning = learnFromReviewers(reviewed);
		console.info('bot, bfi, learning from 60 decisions:', learning.before, learning.after, learning.calibration);
		expect(learning.decisions).toBe(60);
		expect(learning.before.flagged).toBe(60);
		expect(learning.after!.precision!).toBeGreaterThan(learning.before.precision!);
		const c = learning.calibration!;
		const params = { learnedFrom: c.decisions, learnedIntercept: c.intercept, learnedScore: c.score, learnedP: c.p };
		const next = await runOne(db, dict, bot, { ...config, checks: { bot: { permutations: 100, ...params } } });
		const hit = (list: Finding[]) => flaggedRows(list);
		const before = recallByKind(truth, (r) => hit(first).has(r));
		const after = recallByKind(truth, (r) => hit(next).has(r));
		console.info('bot, bfi, flagged before and after learning:', before, after);
		// measured: real people flagged 4.6 % → 2.3 %, bots 86 / 92 / 84 % → 73 / 75 / 72 %; precision 0.67 → 0.77
		expect(after.human).toBeLessThan(0.75 * before.human);
		for (const kind of KINDS) expect(after[kind]).toBeGreaterThanOrEqual(0.65);
		const precision = (list: Finding[]) => [...hit(list)].filter((r) => truth[r! - 1] !== null).length / hit(list).size;
		expect(precision(next)).toBeGreaterThan(precision(first) + 0.05);
		const demoted = next.filter((f) => f.severity === 'info');
		expect(demoted.length).toBeGreaterThan(0);
		expect(demoted[0].message).toMatch(
			/^not flagged: reviewers kept respondents like this; answers look random \(probability 0\.\d+, recalibrated on 60 reviewer decisions\)/
		);
	});

	it('tests five 5-item grids on one scale as one block, as well as the single 25-item grid', async () => {
		const grids = ['A', 'C', 'E', 'N', 'O'].map((t) => ({ name: t, items: names.filter((x) => x.startsWith(t)) }));
		const findings = await runOne(db, dict, bot, { grids, checks: { bot: { permutations: 100 } } });
		const hit = flaggedRows(findings);
		const recall = recallByKind(truth, (r) => hit.has(r));
		for (const kind of KINDS) expect(recall[kind]).toBeGreaterThanOrEqual(0.75);
		expect(recall.human).toBeLessThanOrEqual(0.06);
		expect(findings[0].evidence.grids).toEqual(['A', 'C', 'E', 'N', 'O']);
	});
});

describe('bot on other real answers (psychTools::spi, 4,000 people × 40 items), not used to choose anything', () => {
	it('flags under 2 % of the real people and over 80 % of each kind of injected bot (measured 0.6 %; 94 / 85 / 85 %)', async () => {
		const { names, rows } = spi40();
		const truth = injectBots(rows, KINDS, 100, [1, 6], SEED);
		const db = await openNodeDb();
		const dict = await loadAnswers(db, names, rows);
		const hit = flaggedRows(await runOne(db, dict, bot, { grids: [{ name: 'spi', items: names, scale: [1, 6] }] }));
		await db.close();
		const recall = recallByKind(truth, (r) => hit.has(r));
		console.info('bot, spi40, default sensitivity:', recall);
		for (const kind of KINDS) expect(recall[kind]).toBeGreaterThanOrEqual(0.8);
		expect(recall.human).toBeLessThanOrEqual(0.02);
	});
});

describe('bot: a planted survey with grids of 12 and 8 items', () => {
	it('at sensitivity 0.95 catches ≥ 90 % of the random responders while flagging ≤ 5 % of attentive respondents', async () => {
		const survey = factorSurvey({
			rows: 2000,
			seed: 4,
			grids: [
				{ name: 'a', items: 12, scale: [1, 5], factors: 3 },
				{ name: 'b', items: 8, scale: [1, 7], factors: 2 }
			],
			botShare: 0.1,
			kinds: KINDS,
			carelessShare: 0.1
		});
		const names = [...Array.from({ length: 12 }, (_, j) => `a${j + 1}`), ...Array.from({ length: 8 }, (_, j) => `b${j + 1}`), 'duration_s'];
		// every other bot speeds (120 s against the humans' 600 s)
		const rows = survey.kind.map((k, i) => [
			...survey.answers[0].subarray(i * 12, i * 12 + 12),
			...survey.answers[1].subarray(i * 8, i * 8 + 8),
			k && i % 2 ? 120 : 600 + (i % 7)
		]);
		const db = await openNodeDb();
		const dict = await loadAnswers(db, names, rows);
		const findings = await runOne(db, dict, bot, {
			grids: [
				{ name: 'a', items: names.slice(0, 12), scale: [1, 5] },
				{ name: 'b', items: names.slice(12, 20), scale: [1, 7] }
			],
			duration: 'duration_s',
			checks: { bot: { sensitivity: 0.95, permutations: 100 } }
		});
		await db.close();
		const hit = flaggedRows(findings);
		const truth = survey.kind.map((k, i) => k ?? (survey.careless[i] ? 'careless' : null));
		const recall = recallByKind(truth, (r) => hit.has(r));
		console.info('bot, planted survey 12 + 8 items:', recall);
		for (const kind of KINDS) expect(recall[kind]).toBeGreaterThanOrEqual(0.9);
		expect(recall.human).toBeLessThanOrEqual(0.05);
		expect(recall.careless).toBeGreaterThan(recall.human);
		const errors = findings.filter((f) => f.severity === 'error');
		expect(errors.length).toBeGreaterThan(0);
		for (const f of errors) {
			expect(survey.kind[f.row! - 1] && f.row! % 2 === 0).toBeTruthy();
			expect(f.message).toMatch(/; finished in 0\.2 × the median$/);
		}
	});
});
