import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFile } from '../../../../app/cli/load';
import { generateDemo } from '../../../../app/lib/demo';
import type { SieveConfig } from '../../../../app/lib/engine/checks/config';
import duplicates from '../../../../app/lib/engine/checks/duplicates';
import type { Finding } from '../../../../app/lib/engine/checks/types';
import type { SqlDb } from '../../../../app/lib/engine/sql/db';
import { loadDemo, openNodeDb, runOne } from './helpers';

const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures');

/** Rows sent to review as copies (warning or error); duplicate ids are another matter. */
const copies = (f: Finding[]) => new Set(f.filter((x) => x.severity !== 'info' && x.evidence.kind !== 'id').map((x) => x.row!));

describe('duplicates on real surveys (no planted copies): at most 1 % of respondents flagged', () => {
	// before issue 11: fair 16 %, llz 36 %
	for (const file of ['real/fair.csv', 'real/anes96.csv', 'sav/pspp_llz.zsav', 'sav/srw_employee_data.sav'])
		it(
			file,
			async () => {
				const { db, result } = await loadFile(path.join(FIXTURES, file));
				const n = Number((await db.query('SELECT count(*) AS n FROM data')).toArray()[0].n);
				const f = await runOne(db, result.dictionary, duplicates);
				await db.close();
				expect(n).toBeGreaterThan(400);
				expect(copies(f).size / n).toBeLessThanOrEqual(0.01);
				for (const x of f) expect(x.message).not.toMatch(/started/);
			},
			120_000
		);
});

describe('duplicates on the demo survey: every planted copy is still found', () => {
	for (const seed of [1, 2])
		it(`seed ${seed}`, async () => {
			const demo = generateDemo({ rows: 2000, seed });
			const db = await openNodeDb();
			await loadDemo(db, demo);
			const f = await runOne(db, demo.dictionary, duplicates, demo.config as SieveConfig);
			await db.close();
			const hit = new Set(f.filter((x) => x.severity !== 'info' && x.evidence.kind !== 'id').map((x) => x.respondent));
			for (const kind of ['exact-duplicate', 'near-duplicate']) {
				const planted = demo.truth.filter((t) => t.kind === kind).map((t) => t.rid);
				expect(planted.length, kind).toBeGreaterThan(30);
				expect(
					planted.filter((r) => !hit.has(r)),
					kind
				).toEqual([]);
			}
		}, 120_000);
});

/**
 * Copies planted into a real file. Which respondents are copied is decided here, from the file
 * alone: each respondent's answer vector is scored by the product of the shares of the other
 * respondents giving the same answer to each variable. A copy of one of the 5 rarest vectors
 * (product < 1e-16 in both files) is far less likely by chance than alpha = 0.001 allows even with
 * strongly correlated items, so it must be found; a copy of one of the 5 commonest (product ~1e-4
 * in Fair, where the same vector is already shared by dozens) is what chance produces, so it must not.
 */
async function plant(file: string, changes: number, config: SieveConfig = {}) {
	const { db, result } = await loadFile(path.join(FIXTURES, file));
	const names = result.dictionary.variables.map((v) => v.name);
	const cols = names.map((n) => `"${n.replaceAll('"', '""')}"`);
	const data = (await db.query(`SELECT __row, ${cols.join(', ')} FROM data ORDER BY __row`))
		.toArray()
		.map((r) => r.toJSON() as Record<string, unknown>);
	const n = data.length;
	const counts = names.map((name) => {
		const m = new Map<unknown, number>();
		for (const r of data) m.set(r[name], (m.get(r[name]) ?? 0) + 1);
		return m;
	});
	const rarity = data.map((r) => names.reduce((s, name, j) => s + Math.log10((counts[j].get(r[name])! - 1) / (n - 1) || 1e-12), 0));
	const order = data.map((_, i) => i).sort((a, b) => rarity[a] - rarity[b]);
	const rare = order.slice(0, 5);
	const common = order.slice(-5);
	// changed answers go to the least identifying variables (fewest distinct values), moved by one
	const changed = names
		.map((name, j) => ({ name, col: cols[j], distinct: counts[j].size }))
		.sort((a, b) => a.distinct - b.distinct)
		.slice(0, changes);
	const planted = { rare: [] as { row: number; of: number }[], common: [] as { row: number; of: number }[] };
	let next = n + 1;
	for (const [group, sources] of [
		['rare', rare],
		['common', common]
	] as const)
		for (const i of sources) {
			const of = data[i].__row as number;
			await db.query(`INSERT INTO data (__row, ${cols.join(', ')}) SELECT ?, ${cols.join(', ')} FROM data WHERE __row = ?`, [next, of]);
			for (const c of changed) await db.query(`UPDATE data SET ${c.col} = ${c.col} + 1 WHERE __row = ?`, [next]);
			planted[group].push({ row: next++, of });
		}
	const f = await runOne(db as SqlDb, result.dictionary, duplicates, config);
	await db.close();
	return { f, planted, rarity: { rare: rare.map((i) => rarity[i]), common: common.map((i) => rarity[i]) }, n };
}

describe('copies planted in real files', () => {
	it('Fair, exact copies: the 5 rare answer vectors are found, the 5 commonest are not', async () => {
		const { f, planted, rarity } = await plant('real/fair.csv', 0);
		expect(Math.max(...rarity.rare)).toBeLessThan(-16);
		expect(Math.min(...rarity.common)).toBeGreaterThan(-5);
		const flaggedRows = copies(f);
		for (const p of planted.rare) {
			const x = f.find((y) => y.row === p.row && y.severity === 'warning')!;
			expect(x.evidence).toMatchObject({ kind: 'exact', of: p.of });
			expect(x.message).toMatch(
				new RegExp(
					`^answers are an exact copy of respondent ${p.of}, who appears earlier in the file; a match this close happens by chance for about 1 in [\\d,]+ respondents$`
				)
			);
		}
		for (const p of planted.common) expect(flaggedRows.has(p.row)).toBe(false);
		expect(flaggedRows.size).toBe(5);
	}, 120_000);

	it('ANES 1996, 1 of 10 answers changed: the 5 rare respondents are found as near copies, the commonest are not', async () => {
		const { f, planted, rarity } = await plant('real/anes96.csv', 1);
		expect(Math.max(...rarity.rare)).toBeLessThan(-16);
		const flaggedRows = copies(f);
		for (const p of planted.rare) {
			const x = f.find((y) => y.row === p.row && y.severity === 'warning')!;
			expect(x.evidence).toMatchObject({ kind: 'near', with: p.of, maxPercentMatch: 0.9 });
			expect(x.evidence.chance as number).toBeLessThan(0.001);
		}
		for (const p of planted.common) expect(flaggedRows.has(p.row)).toBe(false);
	}, 120_000);

	it('ANES 1996, 2 of 10 answers changed: below the 90 % match threshold unless it is lowered', async () => {
		const strict = await plant('real/anes96.csv', 2);
		for (const p of [...strict.planted.rare, ...strict.planted.common]) expect(copies(strict.f).has(p.row)).toBe(false);
		const lowered = await plant('real/anes96.csv', 2, { checks: { duplicates: { nearThreshold: 0.8 } } });
		const found = lowered.planted.rare.filter((p) => copies(lowered.f).has(p.row));
		console.log(`ANES 1996, 2 changed, threshold 0.8: ${found.length} of 5 rare copies found`);
		expect(found.length).toBeGreaterThanOrEqual(1);
		for (const p of lowered.planted.common) expect(copies(lowered.f).has(p.row)).toBe(false);
		expect(copies(lowered.f).size / lowered.n).toBeLessThanOrEqual(0.01);
	}, 120_000);
});
