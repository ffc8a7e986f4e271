import { describe, expect, it } from 'vitest';
import type { CheckRun } from '../../../../app/lib/engine/checks/registry';
import type { Finding } from '../../../../app/lib/engine/checks/types';
import { openNodeDb } from '../../../../app/lib/engine/duckdb/node';
import { createEngine } from '../../../../app/lib/engine/engine';
import { flaggedRows, rowsByCheck, rowsByScore } from '../../../../app/lib/engine/results/flagged-rows';
import { rowFindings } from '../../../../app/lib/engine/results/row-findings';
import { storeResults } from '../../../../app/lib/engine/results/store-results';
import { likeLiteral, searchText } from '../../../../app/lib/engine/results/text-search';
import type { RespondentScore } from '../../../../app/lib/engine/scoring';
import { loadParquetNode } from '../../../../app/lib/io/parquet-node';

const ANSWERS: [string | null, string | null][] = [
	['Great SERVICE, thanks', null],
	['100% satisfied', 'n/a'],
	['a_b and more', '100 percent'],
	["it's fine", 'say "hello"'],
	['back\\slash here', null],
	[null, 'nothing to say'],
	['ab plain', "'; DROP TABLE data; --"],
	['50%_off\\', 'x']
];

async function dataDb() {
	const db = await openNodeDb();
	await db.exec(`CREATE TABLE data (__row INTEGER, id VARCHAR, "why, really?" VARCHAR, other VARCHAR, age INTEGER)`);
	for (const [i, [a, b]] of ANSWERS.entries())
		await db.query(`INSERT INTO data VALUES (?, ?, ?, ?, ?)`, [i + 1, `r${i + 1}`, a, b, 20 + i]);
	return db;
}

const VARS = ['why, really?', 'other'];

describe('searchText', () => {
	it('escapes LIKE wildcards and its escape character', () => {
		expect(likeLiteral('50%_off\\')).toBe('50\\%\\_off\\\\');
		expect(likeLiteral(`it's "q"`)).toBe(`it's "q"`);
	});

	it('matches case-insensitive substrings over the given variables, literally, with hostile text', async () => {
		const db = await dataDb();
		expect(await searchText(db, VARS, 'service')).toEqual([1]);
		expect(await searchText(db, VARS, 'SAY')).toEqual([4, 6]);
		expect(await searchText(db, VARS, '%')).toEqual([2, 8]);
		expect(await searchText(db, VARS, '_')).toEqual([3, 8]);
		expect(await searchText(db, VARS, 'a_b')).toEqual([3]);
		expect(await searchText(db, VARS, '%_')).toEqual([8]);
		expect(await searchText(db, VARS, '\\')).toEqual([5, 8]);
		expect(await searchText(db, VARS, '\\%')).toEqual([]);
		expect(await searchText(db, VARS, "'")).toEqual([4, 7]);
		expect(await searchText(db, VARS, '"hello"')).toEqual([4]);
		expect(await searchText(db, VARS, "'; DROP TABLE data; --")).toEqual([7]);
		expect(await searchText(db, VARS, '100')).toEqual([2, 3]);
		expect(await searchText(db, ['other'], '100')).toEqual([3]);
		expect(await searchText(db, VARS, '   ')).toEqual([]);
		expect(await searchText(db, [], 'a')).toEqual([]);
		await expect(searchText(db, ['nope" OR 1=1 --'], 'a')).rejects.toThrow(/not a variable/);
		expect(Number((await db.query('SELECT count(*)::INTEGER AS n FROM data')).get(0)!.n)).toBe(ANSWERS.length);
		await db.close();
	});
});

const finding = (
	check: string,
	row: number,
	severity: Finding['severity'],
	variable?: string,
	evidence: Record<string, unknown> = {}
): Finding => ({
	check,
	level: variable ? 'cell' : 'respondent',
	row,
	respondent: `r${row}`,
	...(variable ? { variable } : {}),
	severity,
	score: 0.5,
	message: `${check} on ${row}${variable ? ` ${variable}` : ''}`,
	evidence
});

const run = (id: string, findings: Finding[]): CheckRun => ({
	id,
	title: id,
	version: 1,
	skipped: null,
	findings,
	flagged: 0,
	ms: 0,
	error: null
});
const score = (row: number, value: number): RespondentScore => ({
	row,
	respondent: `r${row}`,
	score: value,
	verdict: value < 50 ? 'remove' : value < 80 ? 'review' : 'keep',
	reasons: []
});

describe('flaggedRows, rowsByScore, rowFindings', () => {
	it('are empty before a check run', async () => {
		const db = await dataDb();
		expect(await flaggedRows(db, { check: 'speeders' })).toEqual([]);
		expect(await rowsByScore(db)).toEqual([]);
		expect(await rowFindings(db, 1)).toEqual([]);
		await db.close();
	});

	it('read the stored findings and scores: exact rows, bound filters', async () => {
		const db = await dataDb();
		await storeResults(
			db,
			[
				run('speeders', [finding('speeders', 5, 'error'), finding('speeders', 2, 'warning'), finding('speeders', 7, 'info')]),
				run('straightlining', [
					finding('straightlining', 2, 'warning', 'q1'),
					finding('straightlining', 3, 'error', 'q2'),
					finding('straightlining', 3, 'info', 'q3')
				]),
				run('duplicates', [
					finding('duplicates', 4, 'warning', undefined, { kind: 'near', maxPercentMatch: 0.97, with: 'r6' }),
					finding('duplicates', 6, 'info', undefined, { kind: 'exact', copies: ['r4', 'r99'] })
				]),
				run("it's", [finding("it's", 8, 'error')])
			],
			new Map([score(5, 20), score(2, 60), score(3, 60), score(4, 90), score(7, 100), score(8, 40)].map((s) => [s.row, s]))
		);
		expect(await flaggedRows(db, { check: 'speeders' })).toEqual([2, 5]);
		expect(await flaggedRows(db, { check: 'speeders', severity: 'info' })).toEqual([7]);
		expect(await flaggedRows(db, { check: 'straightlining', severity: 'error' })).toEqual([3]);
		expect(await flaggedRows(db, { severity: 'error' })).toEqual([3, 5, 8]);
		expect(await flaggedRows(db, { severity: 'warning' })).toEqual([2, 4]);
		expect(await flaggedRows(db, { check: "it's" })).toEqual([8]);
		expect(await flaggedRows(db, { check: "' OR 1=1 --" })).toEqual([]);
		expect(await flaggedRows(db, {})).toEqual([2, 3, 4, 5, 6, 7, 8]);
		expect(await flaggedRows(db, { check: 'duplicates' })).toEqual([4]);
		expect(await flaggedRows(db, { variable: 'q2' })).toEqual([3]);
		// row 2: speeders warning + straightlining warning -> speeders; row 3: straightlining error;
		// row 4: duplicates warning; row 5: speeders error; row 8: "it's" error; then the info-only
		// rows: 6 (duplicates), 7 (speeders)
		expect(await rowsByCheck(db)).toEqual([4, 8, 2, 5, 3, 6, 7]);
		expect(await flaggedRows(db, { check: 'speeders', severity: 'any' })).toEqual([2, 5, 7]);
		expect(await flaggedRows(db, { check: 'duplicates', severity: 'any' })).toEqual([4, 6]);
		expect(await flaggedRows(db, { severity: 'info' })).toEqual([3, 6, 7]);
		expect(await flaggedRows(db, { severity: 'any' })).toEqual([2, 3, 4, 5, 6, 7, 8]);
		expect(await flaggedRows(db, { variable: 'q3', severity: 'any' })).toEqual([3]);
		expect(await flaggedRows(db, { variable: 'q3' })).toEqual([]);
		expect(await flaggedRows(db, { variable: 'q3', severity: 'info' })).toEqual([3]);
		expect(await flaggedRows(db, { variable: "q1' OR '1'='1" })).toEqual([]);

		expect(await rowsByScore(db)).toEqual([5, 8, 2, 3, 4]);

		const two = await rowFindings(db, 2);
		expect(two.map((f) => [f.check, f.variable, f.severity, f.message])).toEqual([
			['speeders', null, 'warning', 'speeders on 2'],
			['straightlining', 'q1', 'warning', 'straightlining on 2 q1']
		]);
		expect((await rowFindings(db, 3)).map((f) => [f.variable, f.severity])).toEqual([
			['q2', 'error'],
			['q3', 'info']
		]);
		expect((await rowFindings(db, 4))[0].evidence).toEqual({ kind: 'near', maxPercentMatch: 0.97, with: 'r6' });
		// the other side of a duplicate pair, by row; r99 has no finding, so no row
		expect((await rowFindings(db, 4))[0].others).toEqual([6]);
		expect((await rowFindings(db, 6))[0].others).toEqual([4]);
		expect((await rowFindings(db, 2))[0].others).toEqual([]);
		expect(await rowFindings(db, 1)).toEqual([]);
		await db.close();
	});

	it('agree with respondents() on the demo survey', async () => {
		const db = await openNodeDb();
		const engine = createEngine({ db, parquet: loadParquetNode });
		await engine.importDemo({ rows: 400, seed: 5 });
		await engine.runChecks({});
		const bySpeeders = await engine.respondents({ offset: 0, limit: 1000, check: 'speeders', order: 'row' });
		const speeders = await engine.flaggedRows({ check: 'speeders' });
		expect(speeders.length).toBeGreaterThan(0);
		expect(speeders).toEqual(bySpeeders.rows.map((r) => r.row));
		const all = await engine.respondents({ offset: 0, limit: 1000 });
		expect(await engine.rowsByScore()).toEqual(all.rows.filter((r) => r.score < 100).map((r) => r.row));
		const first = (await engine.rowFindings(speeders[0])).filter((f) => f.check === 'speeders');
		expect(first.length).toBeGreaterThan(0);
		await db.close();
	});
});
