import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import repeatedItems from '../../../../app/lib/engine/checks/repeated-items';
import type { SqlDb } from '../../../../app/lib/engine/sql/db';
import { dictionaryOf, flagged, openNodeDb, runOne, tableOf, variable } from './helpers';

const agree = { '1': 'Strongly disagree', '2': 'Disagree', '3': 'Neutral', '4': 'Agree', '5': 'Strongly agree' };
const dict = dictionaryOf([
	variable('rid'),
	variable('q_attn', 'numeric', { label: 'To show you are reading, please select Agree for this statement', valueLabels: agree }),
	variable('sat_a', 'numeric', { label: 'How satisfied are you overall?' }),
	variable('x'),
	variable('sat_b', 'numeric', { label: 'How satisfied are you overall?' })
]);

describe('repeated-items', () => {
	let db: SqlDb;
	beforeAll(async () => {
		db = await openNodeDb();
		await tableOf(db, dict, [
			[1, 4, 8, 1, 8],
			[2, 2, 7, 1, 7], // failed the attention check
			[3, 4, 9, 1, 3], // repeated question answered 9 then 3
			[4, null, 5, 1, 6], // no answer is not a failure; 5 vs 6 within tolerance
			[5, 5, 2, 1, 2] // failed
		]);
	});
	afterAll(() => db.close());

	it('reads the instructed answer from the label and flags failures', async () => {
		const f = await runOne(db, dict, repeatedItems);
		expect(flagged(f, (x) => x.evidence.kind === 'attention')).toEqual([2, 5]);
		expect(f.find((x) => x.respondent === 2)!.message).toBe('failed the attention check q_attn: answered 2, asked for 4');
	});

	it('uses the expected answer from CONFIG when given', async () => {
		const f = await runOne(db, dict, repeatedItems, { attentionChecks: [{ variable: 'q_attn', expected: [4, 5] }] });
		expect(flagged(f, (x) => x.evidence.kind === 'attention')).toEqual([2]);
	});

	it('flags a question asked twice and answered differently', async () => {
		const f = await runOne(db, dict, repeatedItems);
		expect(flagged(f, (x) => x.evidence.kind === 'repeat')).toEqual([3]);
	});
});
