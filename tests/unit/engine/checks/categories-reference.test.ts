import { describe, expect, it } from 'vitest';
import categories, { clusterValues } from '../../../../app/lib/engine/checks/categories';
import types from '../../../../app/lib/engine/checks/types-check';
import { isMissing } from '../../../../app/lib/engine/dataset/missing';
import { ident, rows, sql } from '../../../../app/lib/engine/sql/frag';
import type { SqlDb } from '../../../../app/lib/engine/sql/db';
import { dictionaryOf, runOne, useTable, variable } from './helpers';

// Column names that collide with the checks' own aliases (k, v, x, value, n, count), several text
// variables at once, blanks and NULLs, multilingual spellings: the one-scan SQL must give what one
// straightforward query per variable and per cluster gives.
const dict = dictionaryOf([
	variable('id'),
	variable('k', 'string'),
	variable('value', 'string'),
	variable('x', 'string'),
	variable('count', 'string'),
	variable('n', 'string')
]);
const cities = ['München', 'München', 'München', 'Muenchen', 'münchen', 'Zürich', 'Zürich', 'zurich', 'Genève', 'Genève', 'Geneve', 'Köln'];
const countries = [
	'Deutschland',
	'Deutschland',
	'deutschland ',
	'Deutchland',
	'Schweiz',
	'Schweiz',
	'schweiz',
	'España',
	'España',
	'Espana',
	''
];
const amounts = ['12', '15', '20', '7', '3', '12', 'zwölf', '9', '11', '4', '8'];
const values = Array.from({ length: 240 }, (_, i) => [
	i + 1,
	i % 17 === 0 ? null : countries[(i * 7) % countries.length],
	cities[(i * 5) % cities.length],
	`open answer ${i} ${'ü'.repeat(i % 3)}`,
	amounts[i % amounts.length],
	i % 9 === 0 ? '   ' : 'same'
]);

/** The previous implementation: one distinct count, one count and one value table per variable, one query per cluster. */
async function reference(db: SqlDb, maxDistinct: number, maxCells: number): Promise<{ name: string; canon: string; rows: number[] }[]> {
	const out: { name: string; canon: string; rows: number[] }[] = [];
	for (const v of dict.variables.filter((x) => x.type === 'string' && x.name !== 'x')) {
		const x = sql`(CASE WHEN ${isMissing(v)} THEN NULL ELSE ${ident(v.name)} END)`;
		const [{ d, n }] = await rows<{ d: number; n: number }>(db, sql`SELECT approx_count_distinct(${x}) AS d, count(${x}) AS n FROM data`);
		if (d < 2 || d > maxDistinct * 1.1 || d > n * 0.5) continue;
		const counts = await rows<{ v: string; n: number }>(
			db,
			sql`SELECT ${x} AS v, count(*) AS n FROM data WHERE ${x} IS NOT NULL GROUP BY 1 ORDER BY 1`
		);
		if (counts.length > maxDistinct) continue;
		for (const [canon, ...variants] of clusterValues(counts)) {
			const hits = await rows<{ r: number }>(
				db,
				sql`SELECT __row AS r FROM data WHERE ${x} IN (${variants.map((c) => sql`${c.v}`).reduce((a, b) => sql`${a}, ${b}`)}) ORDER BY __row LIMIT ${maxCells}`
			);
			out.push({ name: v.name, canon: canon.v, rows: hits.map((h) => h.r) });
		}
	}
	return out;
}

describe('categories as one scan', () => {
	const t = useTable(dict, values);

	for (const maxCells of [10000, 2])
		it(`finds the clusters and rows one query per variable finds (maxCells ${maxCells})`, async () => {
			const findings = await runOne(t.db, dict, categories, { checks: { categories: { maxCells } } }, { openEnds: ['x'] });
			const got: { name: string; canon: string; rows: number[] }[] = [];
			for (const f of findings) {
				const e = f.evidence as { suggestion: string };
				if (f.row === undefined) got.push({ name: f.variable!, canon: e.suggestion, rows: [] });
				else got[got.length - 1].rows.push(f.row);
			}
			expect(got).toEqual(await reference(t.db, 500, maxCells));
			// the planted spellings: München/Muenchen/münchen, Zürich/zurich, Genève/Geneve, Deutschland/deutschland /Deutchland, …
			expect(got.map((g) => `${g.name}:${g.canon}`).sort()).toEqual([
				'k:Deutschland',
				'k:España',
				'k:Schweiz',
				'value:Genève',
				'value:München',
				'value:Zürich'
			]);
		});

	it('types reads the parse shares of every text variable in one scan and flags the text among numbers', async () => {
		const findings = await runOne(t.db, dict, types, {}, { openEnds: ['x'] });
		const zwoelf = values.filter((r) => r[4] === 'zwölf').map((r) => r[0]);
		expect(findings.map((f) => [f.variable, f.row])).toEqual(zwoelf.map((r) => ['count', r]));
	});
});
