import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factorSurvey } from '../../../../app/lib/demo/factor-survey';
import bot from '../../../../app/lib/engine/checks/bot';
import type { Finding } from '../../../../app/lib/engine/checks/types';
import type { SqlDb } from '../../../../app/lib/engine/sql/db';
import { bfi, injectBots, loadAnswers, recallByKind } from '../bot/answers-table';
import { openNodeDb, runOne } from './helpers';

const KINDS = ['uniform', 'mid-range', 'biased'] as const;
const flaggedRows = (f: Finding[]) => new Set(f.filter((x) => x.severity !== 'info').map((x) => x.row));

describe('bot: the permutation test on real answers (psychTools::bfi) with injected random responders', () => {
	let db: SqlDb;
	const { names, rows } = bfi();
	const truth = injectBots(rows, KINDS, 100, [1, 6], 15);
	const config = { grids: [{ name: 'bfi', items: names, scale: [1, 6] as [number, number] }] };
	let dict: Awaited<ReturnType<typeof loadAnswers>>;
	beforeAll(async () => {
		db = await openNodeDb();
		dict = await loadAnswers(db, names, rows);
	});
	afterAll(() => db.close());

	it('catches about 95 % of every kind of random responder at sensitivity 0.95 (measured: humans 10.6 % flagged)', async () => {
		const findings = await runOne(db, dict, bot, { ...config, checks: { bot: { sensitivity: 0.95 } } });
		const rows = flaggedRows(findings);
		const recall = recallByKind(truth, (r) => rows.has(r));
		console.info('bot, bfi, sensitivity 0.95:', recall);
		for (const kind of KINDS) expect(recall[kind]).toBeGreaterThanOrEqual(0.9);
		expect(recall.human).toBeLessThanOrEqual(0.12);
		const one = findings.find((f) => truth[f.row! - 1] === 'uniform')!;
		expect(one.message).toMatch(
			/^answers look random: shuffled across the items they are just as typical \(permutation p = 0\.\d+ over 25 answers/
		);
		expect(one.evidence.grids).toEqual(['bfi']);
		expect(one.message).toMatch(/; correlation with the average answers r = -?0\.\d+$/);
		const r = (f: Finding) => Math.abs(f.evidence.personTotal as number);
		const mean = (list: Finding[]) => list.reduce((s, f) => s + r(f), 0) / list.length;
		const bots = mean(findings.filter((f) => truth[f.row! - 1] === 'uniform'));
		expect(bots).toBeLessThan(0.2);
		expect(mean(findings.filter((f) => truth[f.row! - 1] === null))).toBeGreaterThan(bots);
	});

	it('trades recall for false flags through the sensitivity: at 0.8, ≤ 5 % of the real respondents and ≥ 75 % of each kind', async () => {
		const findings = await runOne(db, dict, bot, { ...config, checks: { bot: { sensitivity: 0.8 } } });
		const rows = flaggedRows(findings);
		const recall = recallByKind(truth, (r) => rows.has(r));
		console.info('bot, bfi, sensitivity 0.8:', recall);
		for (const kind of KINDS) expect(recall[kind]).toBeGreaterThanOrEqual(0.75);
		expect(recall.human).toBeLessThanOrEqual(0.05);
	});

	it('by default (sensitivity 0.85) flags about 5 % of the real respondents and 75 % or more of each kind of bot (measured 85 / 85 / 79 %)', async () => {
		const rows = flaggedRows(await runOne(db, dict, bot, config));
		const recall = recallByKind(truth, (r) => rows.has(r));
		console.info('bot, bfi, default sensitivity:', recall);
		for (const kind of KINDS) expect(recall[kind]).toBeGreaterThanOrEqual(0.75);
		expect(recall.human).toBeLessThanOrEqual(0.06);
	});
	it('tests five 5-item grids on one scale as one block, as well as the single 25-item grid', async () => {
		const grids = ['A', 'C', 'E', 'N', 'O'].map((t) => ({ name: t, items: names.filter((x) => x.startsWith(t)) }));
		const findings = await runOne(db, dict, bot, { grids, checks: { bot: { sensitivity: 0.95 } } });
		const rows = flaggedRows(findings);
		const recall = recallByKind(truth, (r) => rows.has(r));
		for (const kind of KINDS) expect(recall[kind]).toBeGreaterThanOrEqual(0.9);
		expect(recall.human).toBeLessThanOrEqual(0.12);
		expect(findings[0].evidence.grids).toEqual(['A', 'C', 'E', 'N', 'O']);
	});
});

describe('bot: a planted survey with grids of 12 and 8 items', () => {
	it('at sensitivity 0.95 catches ≥ 90 % of the random responders while flagging few attentive respondents', async () => {
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
			checks: { bot: { sensitivity: 0.95 } }
		});
		await db.close();
		const hit = flaggedRows(findings);
		const truth = survey.kind.map((k, i) => k ?? (survey.careless[i] ? 'careless' : null));
		const recall = recallByKind(truth, (r) => hit.has(r));
		console.info('bot, planted survey 12 + 8 items:', recall);
		for (const kind of KINDS) expect(recall[kind]).toBeGreaterThanOrEqual(0.9);
		expect(recall.human).toBeLessThanOrEqual(0.08);
		expect(recall.careless).toBeGreaterThan(recall.human);
		const errors = findings.filter((f) => f.severity === 'error');
		expect(errors.length).toBeGreaterThan(0);
		for (const f of errors) {
			expect(survey.kind[f.row! - 1] && f.row! % 2 === 0).toBeTruthy();
			expect(f.message).toMatch(/; finished in 0\.2 × the median$/);
		}
	});
});
