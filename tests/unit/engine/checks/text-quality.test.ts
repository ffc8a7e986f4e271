import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import textQuality from '../../../../app/lib/engine/checks/text-quality';
import sentiment from '../../../../app/lib/engine/checks/sentiment';
import type { SqlDb } from '../../../../app/lib/engine/sql/db';
import { dictionaryOf, flagged, openNodeDb, runOne, tableOf, variable } from './helpers';

const dict = dictionaryOf([variable('rid'), variable('oe_comment', 'string')]);
const texts = [
	'The delivery was quick and the staff were very friendly',
	'asdfgh',
	'n/a',
	'Der Kundendienst war leider sehr unfreundlich und langsam',
	'xqzvbnmwrt',
	'zzzzzzzz',
	'Prices are too high, otherwise fine',
	'idk',
	'Le service était excellent et le personnel très aimable',
	'jkjkjkjkjk',
	'qwerty uiop',
	'El envío llegó tarde y el paquete estaba dañado',
	null,
	'11111'
];

describe('text-quality and sentiment', () => {
	let db: SqlDb;
	beforeAll(async () => {
		db = await openNodeDb();
		await tableOf(
			db,
			dict,
			texts.map((t, i) => [i + 1, t])
		);
	});
	afterAll(() => db.close());

	it('flags gibberish and non-answers in open ends, exactly', async () => {
		const f = await runOne(db, dict, textQuality, { openEnds: ['oe_comment'] });
		expect(flagged(f, (x) => x.evidence.kind === 'gibberish')).toEqual([2, 5, 6, 10, 11, 14]);
		expect(flagged(f, (x) => x.evidence.kind === 'non-answer')).toEqual([3, 8]);
		expect(f.every((x) => x.level === 'cell' && x.variable === 'oe_comment')).toBe(true);
	});

	it('lists strongly worded answers in four languages', async () => {
		const f = await runOne(db, dict, sentiment, { openEnds: ['oe_comment'] });
		const neg = flagged(f, (x) => x.level === 'cell' && (x.evidence.sentiment as number) < 0);
		const pos = flagged(f, (x) => x.level === 'cell' && (x.evidence.sentiment as number) > 0);
		expect(neg).toEqual([4, 12]);
		expect(pos).toEqual([1, 9]);
		expect(f.find((x) => x.respondent === 4)!.evidence.lang).toBe('de');
	});
});
