import { describe, expect, it } from 'vitest';
import { rows, sql } from '../../../../app/lib/engine/sql/frag';
import { buildAnswerFeatures } from '../../../../app/lib/engine/text/answer-features';
import { createFeatureColumns, LANG_CODES, scanText } from '../../../../app/lib/engine/text/features';
import { runChecks } from '../../../../app/lib/engine/checks/registry';
import textQuality from '../../../../app/lib/engine/checks/text-quality';
import { detectRoles } from '../../../../app/lib/engine/roles';
import { dictionaryOf, useTable, variable } from '../checks/helpers';

const like = variable('oe_like', 'string', { missing: { values: ['-99'], range: null } });
const why = variable('oe_why', 'string');
const dict = dictionaryOf([variable('rid'), like, why]);
const answers: [string | null, string | null][] = [
	['Great staff, very friendly', 'asdfgh'],
	['asdfgh', null],
	['  ', 'n/a'],
	['-99', 'Great staff, very friendly'],
	['Le service était excellent', '   Le service était excellent'],
	['n/a', 'keine Ahnung']
];

describe('answer features', () => {
	const table = useTable(
		dict,
		answers.map((a, i) => [i + 1, ...a])
	);

	it('scores every non-missing answer of every open end as the per-answer scan does', async () => {
		await buildAnswerFeatures(table.db, [like, why], 'feat');
		const got = await rows<{ v: number; r: number; non_answer: boolean; gibberish: number; sentiment: number; lang: number }>(
			table.db,
			sql`SELECT v, r, non_answer, gibberish, sentiment, lang FROM feat ORDER BY v, r`
		);
		const expected = [
			[0, 1],
			[0, 2],
			[0, 5],
			[0, 6],
			[1, 1],
			[1, 3],
			[1, 4],
			[1, 5],
			[1, 6]
		].map(([v, r]) => {
			const cols = createFeatureColumns(1);
			scanText(answers[r - 1][v]!, 0, cols);
			return { v, r, non_answer: cols.nonAnswer[0] === 1, gibberish: cols.gibberish[0], sentiment: cols.sentiment[0], lang: cols.lang[0] };
		});
		expect(got).toEqual(expected);
		expect(got.filter((g) => g.non_answer).map((g) => [g.v, g.r])).toEqual([
			[0, 6],
			[1, 3],
			[1, 6]
		]);
		expect(LANG_CODES[got.find((g) => g.v === 1 && g.r === 5)!.lang]).toBe('fr');
		const left = await rows<{ n: number }>(
			table.db,
			sql`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name LIKE 'feat_%'`
		);
		expect(left).toEqual([{ n: 0 }]);
	});

	it('is dropped when the check run ends', async () => {
		const roles = { ...(await detectRoles(table.db, dict, {})), openEnds: ['oe_like', 'oe_why'] };
		const [run] = await runChecks(table.db, dict, roles, {}, { checks: [textQuality] });
		expect(run.findings.map((f) => [f.respondent, f.variable, f.evidence.kind])).toEqual([
			[1, 'oe_why', 'gibberish'],
			[2, 'oe_like', 'gibberish'],
			[3, 'oe_why', 'non-answer'],
			[6, 'oe_like', 'non-answer'],
			[6, 'oe_why', 'non-answer']
		]);
		const left = await rows<{ n: number }>(
			table.db,
			sql`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name LIKE '__sieve_answers%'`
		);
		expect(left).toEqual([{ n: 0 }]);
	});
});
