import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, writeCsv, writeParquet, writeSpss } from '../../../app/cli/gen';
import { generateDemo } from '../../../app/lib/demo/index';
import { openNodeDb } from '../../../app/lib/engine/duckdb/node';
import type { SqlDb } from '../../../app/lib/engine/sql/db';
import { loadParquetNode } from '../../../app/lib/io/parquet-node';
import { readSavAll } from '../../../app/lib/io/spss/index';
import { materialize } from './materialize';

const demo = generateDemo({ rows: 3000, seed: 5, cols: 45, sliceRows: 700 });
const data = materialize(demo);
let dir = '';
let db: SqlDb;

beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'sieve-gen-'));
	db = await openNodeDb();
});
afterAll(async () => {
	await db.close();
	await rm(dir, { recursive: true, force: true });
});

/** Checks the table DuckDB read against the generated columns, row by row for a few columns. */
async function expectSameData(table: string): Promise<void> {
	const n = (await db.query(`SELECT count(*)::INTEGER AS n, count(DISTINCT rid)::INTEGER AS ids FROM ${table}`)).toArray()[0];
	expect(n.n).toBe(3000);
	expect(n.ids).toBe(3000);
	const cols = (await db.query(`SELECT * FROM ${table} LIMIT 0`)).schema.fields.map((f) => f.name);
	expect(cols).toEqual(demo.dictionary.variables.map((v) => v.name));
	const rows = (
		await db.query(
			`SELECT rid::DOUBLE AS rid, epoch_ms(start_time)::DOUBLE AS start, duration_s::DOUBLE AS d, country, oe_like, support_sat::DOUBLE AS ss, q3_1::DOUBLE AS q3
			 FROM ${table} ORDER BY rid`
		)
	).toArray();
	rows.forEach((r, i) => {
		expect(r.rid).toBe(data.rid[i]);
		expect(r.start).toBe(data.start_time[i]);
		expect(r.d).toBe(data.duration_s[i]);
		expect(r.country).toBe(data.country[i]);
		expect(r.oe_like).toBe(data.oe_like[i]);
		expect(r.ss ?? NaN).toEqual(data.support_sat[i]);
		expect(r.q3).toBe(data.q3_1[i]);
	});
}

describe('gen writers', () => {
	it('writes CSV that DuckDB reads back with the same rows and values', async () => {
		const file = path.join(dir, 'demo.csv');
		const seen: number[] = [];
		await writeCsv(demo, file, (rows) => seen.push(rows));
		expect(seen.at(-1)).toBe(3000);
		await db.registerBuffer('demo.csv', new Uint8Array(await readFile(file)));
		await db.exec(`CREATE TABLE c AS SELECT * FROM read_csv('demo.csv', header = true, strict_mode = true)`);
		await expectSameData('c');
		const planted = (await db.query(`SELECT count(*)::INTEGER AS n FROM c WHERE country = 'germany '`)).toArray()[0].n;
		expect(planted).toBe(data.country.filter((c) => c === 'germany ').length);
		expect(planted).toBeGreaterThan(0);
	});

	it('writes Parquet in row groups that read back into DuckDB with the same rows and values', async () => {
		const file = path.join(dir, 'demo.parquet');
		await writeParquet(demo, file, () => {}, 1000);
		const pq = await loadParquetNode();
		const bytes = new Uint8Array(await readFile(file));
		const meta = (await pq.ParquetFile.fromFile(new Blob([bytes]))).metadata();
		expect(meta.numRowGroups()).toBe(3);
		expect(meta.rowGroup(0).numRows()).toBe(1000);
		const table = pq.readParquet(bytes);
		await db.insertArrowIPC('p', table.intoIPCStream(), true);
		await expectSameData('p');
	});

	it.each(['sav', 'zsav'])('writes a .%s that our SPSS reader reads back with labels, missing values and data', async (ext) => {
		const file = path.join(dir, `demo.${ext}`);
		await writeSpss(demo, file);
		const sav = await readSavAll(new Uint8Array(await readFile(file)), `demo.${ext}`);
		expect(sav.rows).toBe(3000);
		const q1 = sav.dictionary.variables.find((v) => v.name === 'q1_1')!;
		expect(q1.valueLabels['98']).toBe("Don't know");
		expect(q1.missing.values).toEqual([98, 99]);
		demo.dictionary.variables.forEach((v, c) => {
			const got = sav.columns[c];
			if (v.type === 'string') {
				// SPSS pads strings with blanks and has no missing text: trailing blanks and null come back as ''.
				expect(got).toEqual(data[v.name].map((s) => (s === null ? '' : (s as string).trimEnd())));
			} else expect(Array.from(got as Float64Array)).toEqual(data[v.name]);
		});
	});

	it('writes the truth beside the data from the command line', async () => {
		const file = path.join(dir, 'cli.csv');
		const code = await main(['--rows', '400', '--seed', '3', '--out', file]);
		expect(code).toBe(0);
		const truth = JSON.parse(await readFile(`${file}.truth.json`, 'utf8'));
		expect(truth.problems).toEqual(generateDemo({ rows: 400, seed: 3 }).truth);
		expect(truth.counts.speeder).toBe(12);
		expect((await readFile(file, 'utf8')).split('\r\n')).toHaveLength(402);
		await expect(main(['--rows', '10', '--out', path.join(dir, 'x.xlsx')])).rejects.toThrow(/xlsx/);
	});
});
