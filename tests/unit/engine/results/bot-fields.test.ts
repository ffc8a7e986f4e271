import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../../../app/lib/engine/checks/types';
import { botFields, botProbabilities } from '../../../../app/lib/engine/results/bot-fields';
import { appendFindings } from '../../../../app/lib/engine/results/store-results';
import type { SqlDb } from '../../../../app/lib/engine/sql/db';
import { openNodeDb } from '../checks/helpers';

const finding = (row: number, check: string, evidence: Record<string, unknown>): Finding => ({
	check,
	level: 'respondent',
	respondent: `r${row}`,
	row,
	severity: 'warning',
	score: 0.5,
	message: `${check} ${row}`,
	evidence
});

describe('bot fields of RESULT and the review table', () => {
	let db: SqlDb;
	beforeAll(async () => {
		db = await openNodeDb();
		const reasons = ['shuffled across the items they are just as typical (permutation p = 0.62)', '41 % of answers at the midpoint'];
		await appendFindings(
			db,
			[
				finding(3, 'bot', { probability: 0.91, pValue: 0.62, reasons }),
				finding(3, 'speeders', { probability: 0.2 }),
				finding(7, 'bot', { probability: 0.4, reasons: [] }),
				finding(9, 'bot', { note: 'an older run without a probability' })
			],
			0,
			true
		);
	});
	afterAll(() => db.close());

	it("reads a page's bot findings as {probability, pValue, reasons}, leaving out other checks and evidence without a probability", async () => {
		const m = await botFields(db, 1, 8);
		expect([...m.keys()]).toEqual([3, 7]);
		expect(m.get(3)).toEqual({ probability: 0.91, pValue: 0.62, reasons: expect.arrayContaining(['41 % of answers at the midpoint']) });
		expect(m.get(7)).toEqual({ probability: 0.4, reasons: [] });
		expect([...(await botFields(db, 4, 10)).keys()]).toEqual([7]);
	});

	it('lists every flagged row with its probability', async () => {
		expect(await botProbabilities(db)).toEqual({ rows: [3, 7], probability: [0.91, 0.4] });
	});
});
