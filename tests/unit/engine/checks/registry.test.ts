import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STANDARD_CHECKS, runChecks } from '../../../../app/lib/engine/checks/registry';
import { detectRoles } from '../../../../app/lib/engine/roles';
import type { SqlDb } from '../../../../app/lib/engine/sql/db';
import { dictionaryOf, openNodeDb, tableOf, variable } from './helpers';

const IDS = [
	'missing',
	'duplicates',
	'outliers',
	'categories',
	'dates',
	'range',
	'text-quality',
	'patterns',
	'completeness',
	'consistency',
	'speeders',
	'straightlining',
	'skip-logic',
	'sentiment',
	'timing',
	'types',
	'distribution',
	'repeated-items',
	'formats',
	'sections',
	'bot',
	'anomaly',
	'pii',
	'language',
	'plagiarism',
	'brevity',
	'closed-open'
];
const dict = dictionaryOf([variable('rid'), variable('duration_s'), variable('q1')]);

describe('runChecks', () => {
	let db: SqlDb;
	beforeAll(async () => {
		db = await openNodeDb();
		await tableOf(db, dict, [
			[1, 100, 1],
			[2, 400, 2],
			[3, 420, 3],
			[4, 500, 1]
		]);
	});
	afterAll(() => db.close());

	it('registers the standard, machine-learning and text checks with the ids of SPEC §4, each fully described', () => {
		expect(STANDARD_CHECKS.map((c) => c.id)).toEqual(IDS);
		for (const c of STANDARD_CHECKS) {
			expect(c.title.length).toBeGreaterThan(3);
			expect(c.description.length).toBeGreaterThan(20);
			for (const p of Object.values(c.params)) expect(p.description.length).toBeGreaterThan(5);
		}
	});

	it('reports progress per check, skips checks whose roles are absent, and runs only the ones asked for', async () => {
		const roles = await detectRoles(db, dict);
		const events: string[] = [];
		const runs = await runChecks(
			db,
			dict,
			roles,
			{},
			{ only: ['speeders', 'straightlining'], onProgress: (p) => events.push(`${p.id}:${p.state}:${p.index}/${p.total}`) }
		);
		expect(events).toEqual(['speeders:start:0/2', 'speeders:done:0/2', 'straightlining:start:1/2', 'straightlining:done:1/2']);
		expect(runs.map((r) => [r.id, r.flagged, r.skipped])).toEqual([
			['speeders', 1, null],
			['straightlining', 0, 'needs grids']
		]);
		await expect(runChecks(db, dict, roles, {}, { only: ['nope'] })).rejects.toThrow('unknown check nope');
	});

	it('stops between checks when cancelled', async () => {
		const roles = await detectRoles(db, dict);
		const ctl = new AbortController();
		const seen: string[] = [];
		const p = runChecks(
			db,
			dict,
			roles,
			{},
			{
				signal: ctl.signal,
				onProgress: (e) => {
					if (e.state === 'done') {
						seen.push(e.id);
						if (e.id === 'duplicates') ctl.abort(new Error('cancelled by the user'));
					}
				}
			}
		);
		await expect(p).rejects.toThrow('cancelled by the user');
		expect(seen).toEqual(['missing', 'duplicates']);
	});

	it('reports a failing check without stopping the others', async () => {
		const roles = await detectRoles(db, dict);
		const runs = await runChecks(
			db,
			dict,
			roles,
			{ rules: [{ id: 'bad', when: 'no_such_var > 1' }] },
			{ only: ['consistency', 'speeders'] }
		);
		expect(runs.find((r) => r.id === 'speeders')!.flagged).toBe(1);
		const c = runs.find((r) => r.id === 'consistency')!;
		expect(c.findings[0].message).toMatch(/^rule bad cannot run: /);
	});
});
