import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dictionary } from '../../../../app/lib/dataset/dictionary';
import { createRng } from '../../../../app/lib/demo/rng';
import { randomAnswers, type RandomAnswerKind } from '../../../../app/lib/demo/random-answers';
import type { SqlDb } from '../../../../app/lib/engine/sql/db';
import { dictionaryOf, variable } from '../checks/helpers';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/real');

/** psychTools::bfi: 2,800 real respondents × 25 items on 1–6, NaN = missing. */
export function bfi(): { names: string[]; rows: number[][] } {
	return readCsv('bfi.csv');
}

/** psychTools::spi, its first 40 items: 4,000 real respondents on 1–6, none missing. */
export function spi40(): { names: string[]; rows: number[][] } {
	return readCsv('spi40.csv');
}

function readCsv(file: string): { names: string[]; rows: number[][] } {
	const [head, ...lines] = readFileSync(path.join(FIXTURES, file), 'utf8').trim().split('\n');
	return {
		names: head.split(',').map((h) => h.replaceAll('"', '')),
		rows: lines.map((l) => l.split(',').map((v) => (v === '' ? NaN : Number(v))))
	};
}

/** Appends `perKind` random responders of each kind; returns the truth per row (null = real respondent). */
export function injectBots(rows: number[][], kinds: readonly RandomAnswerKind[], perKind: number, scale: [number, number], seed: number) {
	const r = createRng(seed);
	const truth: (RandomAnswerKind | null)[] = rows.map(() => null);
	const k = rows[0].length;
	for (const kind of kinds)
		for (let i = 0; i < perKind; i++) {
			rows.push(randomAnswers(kind, k, scale, r));
			truth.push(kind);
		}
	return truth;
}

/** Table `data` (`__row` 1..n, then `rid`, then the answers) loaded through DuckDB's CSV reader. */
export async function loadAnswers(db: SqlDb, names: string[], rows: number[][]): Promise<Dictionary> {
	const csv = [['rid', ...names].join(','), ...rows.map((r, i) => [i + 1, ...r.map((v) => (Number.isNaN(v) ? '' : v))].join(','))].join(
		'\n'
	);
	await db.registerBuffer('answers.csv', new TextEncoder().encode(csv));
	await db.exec(
		`DROP TABLE IF EXISTS data; CREATE TABLE data AS SELECT CAST(row_number() OVER () AS INTEGER) AS __row, * FROM read_csv('answers.csv', header = true, all_varchar = false)`
	);
	return dictionaryOf([variable('rid'), ...names.map((n) => variable(n))]);
}

/** Share of each kind's rows (and of the real ones, "human") that `hit` is true for. */
export function recallByKind(truth: (string | null)[], hit: (row: number) => boolean): Record<string, number> {
	const seen: Record<string, [number, number]> = {};
	truth.forEach((t, i) => {
		const s = (seen[t ?? 'human'] ??= [0, 0]);
		s[0]++;
		if (hit(i + 1)) s[1]++;
	});
	return Object.fromEntries(Object.entries(seen).map(([k, [n, h]]) => [k, Math.round((1000 * h) / n) / 1000]));
}
