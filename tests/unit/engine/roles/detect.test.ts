import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectRoles } from '../../../../app/lib/engine/roles';
import type { SqlDb } from '../../../../app/lib/engine/sql/db';
import { dictionaryOf, openNodeDb, tableOf, variable } from '../checks/helpers';

const five = { '1': 'Very poor', '2': 'Poor', '3': 'Fair', '4': 'Good', '5': 'Very good' };
const dict = dictionaryOf([
	variable('ResponseId', 'string'),
	variable('StartDate', 'datetime'),
	variable('EndDate', 'datetime'),
	variable('Duration (in seconds)'),
	variable('ip_address', 'string'),
	variable('browser', 'string'),
	variable('age'),
	variable('gender', 'numeric', { valueLabels: { '1': 'Male', '2': 'Female' } }),
	variable('q1_1', 'numeric', { valueLabels: five }),
	variable('q1_2', 'numeric', { valueLabels: five }),
	variable('q1_3', 'numeric', { valueLabels: five }),
	variable('q1_4', 'numeric', { valueLabels: five }),
	variable('attn', 'numeric', { label: 'Please select "Good" for this item', valueLabels: five }),
	variable('q2_1'),
	variable('q2_2'),
	variable('q2_3'),
	variable('q2_4'),
	variable('q2_5'),
	variable('comments', 'string'),
	variable('country', 'string')
]);

describe('detectRoles', () => {
	let db: SqlDb;
	beforeAll(async () => {
		db = await openNodeDb();
		const texts = [
			'I liked the friendly staff a lot',
			'Delivery took far too long this time',
			'Great value for the money overall',
			'The website kept crashing on my phone',
			'Nothing to add, all good thanks'
		];
		const rows: unknown[][] = [];
		for (let i = 0; i < 40; i++)
			rows.push([
				`R_${1000 + i}`,
				'2026-03-02 10:00:00',
				'2026-03-02 10:09:00',
				540,
				`10.0.${i}.7`,
				'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0',
				20 + i,
				1 + (i % 2),
				1 + (i % 5),
				1 + ((i + 1) % 5),
				1 + ((i + 2) % 5),
				1 + ((i + 3) % 5),
				4,
				i % 7,
				(i + 2) % 7,
				(i + 4) % 7,
				(i + 6) % 7,
				i % 3 === 0 ? 99 : (i + 1) % 7,
				`${texts[i % 5]} (${i})`,
				'Germany'
			]);
		await tableOf(db, dict, rows);
	});
	afterAll(() => db.close());

	it('finds paradata, grids with their scale, open ends, attention checks and demographics', async () => {
		const r = await detectRoles(db, dict);
		expect([r.id, r.start, r.end, r.ip, r.userAgent]).toEqual(['ResponseId', 'StartDate', 'EndDate', 'ip_address', 'browser']);
		expect(r.duration).toBe('Duration (in seconds)'); // Qualtrics' CSV spelling of Duration__in_seconds_
		expect(r.grids.map((g) => [g.name, g.items.length, g.scale])).toEqual([
			['q1', 4, [1, 5]],
			['q2', 5, [0, 6]]
		]);
		expect(r.openEnds).toEqual(['comments']);
		expect(r.attentionChecks).toEqual(['attn']);
		expect(r.demographics).toEqual({ age: 'age', gender: 'gender', country: 'country' });
		expect(r.missingCodes).toEqual({ q2_5: [99] });
		expect(r.interviewer).toBeNull();
	});

	it('finds an interviewer code that repeats across respondents, by name or label, but not a per-respondent one', async () => {
		const other = await openNodeDb();
		const d = dictionaryOf([
			variable('rid', 'string'),
			variable('enumerator', 'string'),
			variable('v7', 'numeric', { label: 'Interviewer number' }),
			variable('q1')
		]);
		const values = Array.from({ length: 40 }, (_, i) => [`R${i}`, `E-${i}`, 1 + (i % 4), i % 5]);
		await tableOf(other, d, values);
		expect((await detectRoles(other, d)).interviewer).toBe('v7');
		await tableOf(
			other,
			d,
			values.map(([r, , v, q]) => [r, `Enumerator ${Number(v) % 3}`, v, q])
		);
		expect((await detectRoles(other, d)).interviewer).toBe('enumerator');
		other.close();
	});

	it('lets CONFIG override detection', async () => {
		const r = await detectRoles(db, dict, {
			duration: 'Duration (in seconds)',
			openEnds: [],
			grids: [{ name: 'all', items: ['q1_1', 'q1_2', 'q2_1'], reversed: ['q1_2'] }]
		});
		expect(r.duration).toBe('Duration (in seconds)');
		expect(r.openEnds).toEqual([]);
		expect(r.grids).toEqual([{ name: 'all', items: ['q1_1', 'q1_2', 'q2_1'], scale: null, reversed: ['q1_2'], factors: null }]);
		const detected = await detectRoles(db, dict, {});
		expect((await detectRoles(db, dict, { id: 'nope', grids: [{ name: 'g', items: ['q1_1', 'qq'] }] })).id).toBe(detected.id);
		expect((await detectRoles(db, dict, { grids: [{ name: 'g', items: ['q1_1', 'qq'] }] })).grids).toEqual([]);
	});
});
