import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNativeDb } from '../../../../app/lib/engine/duckdb/native';
import { openNodeDb } from '../../../../app/lib/engine/duckdb/node';
import type { SqlDb } from '../../../../app/lib/engine/sql/db';

/** Every kind of value the engine reads back; each must come out of both bindings as the same Arrow type and value. */
const EXPRESSIONS = [
	'true',
	'1::TINYINT',
	'-2::SMALLINT',
	'3::INTEGER',
	'(2^40)::BIGINT',
	'-5::HUGEINT',
	'7::UTINYINT',
	'8::UBIGINT',
	'1.5::FLOAT',
	'1.5::DOUBLE',
	'-1.25::DECIMAL(5,2)',
	'1.25::DECIMAL(18,3)',
	'-123456789.0123456789::DECIMAL(38,10)',
	"'é'",
	"DATE '1960-01-02'",
	"TIME '01:02:03.5'",
	"TIMESTAMP '2020-01-02 03:04:05.123456'",
	"TIMESTAMPTZ '2020-01-02 03:04:05+00'",
	'[1, NULL, 2]',
	"['a', NULL]",
	"{'a': 1, 'b': 'x'}",
	"'ab'::BLOB",
	'NULL',
	'count(*) OVER ()',
	'sum(i) OVER ()',
	'avg(i) OVER ()',
	'[[1], [2, 3]]',
	"[{'k': 1}]",
	"map {'a': 1}",
	"'x'::ENUM('x', 'y')",
	'CASE WHEN i = 0 THEN NULL ELSE i END'
];

const show = (db: SqlDb, sql: string, params: (string | number | null)[] = []) =>
	db.query(sql, params).then((t) => ({
		types: t.schema.fields.map((f) => `${f.name}:${String(f.type)}`),
		rows: JSON.stringify(
			t.toArray().map((r) => r.toJSON()),
			(_k, v) => (typeof v === 'bigint' ? `${v}n` : v)
		)
	}));

describe('openNativeDb', () => {
	let native: SqlDb;
	let wasm: SqlDb;
	beforeAll(async () => {
		[native, wasm] = await Promise.all([openNativeDb(), openNodeDb()]);
	});
	afterAll(async () => {
		await Promise.all([native.close(), wasm.close()]);
	});

	it.each(EXPRESSIONS)('returns %s as DuckDB-WASM does', async (e) => {
		const sql = `SELECT ${e} AS v FROM range(3) t(i)`;
		const [n, w] = await Promise.all([show(native, sql), show(wasm, sql)]);
		expect(n).toEqual(w);
		expect(n.rows).not.toBe('[]');
	});

	it('binds parameters as WASM does (numbers as DOUBLE) instead of splicing text', async () => {
		const sql = 'SELECT ?::VARCHAR AS s, typeof(?) AS t, ? + 1 AS n, ? IS NULL AS z';
		const params = ["'); DROP TABLE x; --", 3, 41, null];
		const n = await show(native, sql, params);
		expect(n).toEqual(await show(wasm, sql, params));
		expect(JSON.parse(n.rows)).toEqual([{ s: "'); DROP TABLE x; --", t: 'DOUBLE', n: 42, z: true }]);
	});

	it('gives an empty result its column types', async () => {
		const t = await native.query('SELECT 1::INTEGER AS a, 1::BIGINT AS b WHERE false');
		expect(t.numRows).toBe(0);
		expect(t.schema.fields.map((f) => String(f.type))).toEqual(['Int32', 'Float64']);
	});

	it('reads registered buffers, Blobs and files on disk, and forgets dropped ones', async () => {
		await native.registerBuffer('a.csv', new TextEncoder().encode('x,y\n1,é\n2,b\n'));
		expect(JSON.parse((await show(native, "SELECT sum(x)::INTEGER AS s FROM read_csv('a.csv')")).rows)).toEqual([{ s: 3 }]);
		await native.registerFile('b.csv', new Blob(['x\n5\n6\n']));
		expect(JSON.parse((await show(native, "SELECT sum(x)::INTEGER AS s FROM read_csv('b.csv')")).rows)).toEqual([{ s: 11 }]);
		const dir = await mkdtemp(path.join(tmpdir(), 'sieve-native-test-'));
		try {
			await writeFile(path.join(dir, 'on-disk.csv'), 'x\n7\n');
			await native.registerFile('c.csv', { path: path.join(dir, 'on-disk.csv') });
			expect(JSON.parse((await show(native, "SELECT sum(x)::INTEGER AS s FROM read_csv('c.csv')")).rows)).toEqual([{ s: 7 }]);
			await native.dropFile('c.csv');
			// the caller's file is used in place and left alone
			expect(existsSync(path.join(dir, 'on-disk.csv'))).toBe(true);
		} finally {
			await rm(dir, { recursive: true });
		}
		await native.dropFile('a.csv');
		await expect(native.query("SELECT * FROM read_csv('a.csv')")).rejects.toThrow(/a\.csv/);
		await expect(native.registerBuffer('../escape.csv', new Uint8Array(1))).rejects.toThrow(/bad file name/);
	});

	it('appends Arrow IPC to tables keeping column types', async () => {
		const ipc = (from: number) =>
			tableToIPC(
				tableFromArrays({ id: Int32Array.from([from, from + 1]), name: ['a', null], score: Float64Array.from([0.5, 1]) }),
				'stream'
			);
		await native.insertArrowIPC('t_ipc', ipc(1), true);
		await native.insertArrowIPC('t_ipc', ipc(3), false);
		const t = await show(native, 'SELECT * FROM t_ipc ORDER BY id');
		expect(t.types).toEqual(['id:Int32', 'name:Utf8', 'score:Float64']);
		expect(JSON.parse(t.rows)).toEqual([
			{ id: 1, name: 'a', score: 0.5 },
			{ id: 2, name: null, score: 1 },
			{ id: 3, name: 'a', score: 0.5 },
			{ id: 4, name: null, score: 1 }
		]);
	});

	it('removes its temp directory on close', async () => {
		const before = new Set((await readdir(tmpdir())).filter((n) => n.startsWith('sieve-duckdb-')));
		const db = await openNativeDb();
		const mine = (await readdir(tmpdir())).filter((n) => n.startsWith('sieve-duckdb-') && !before.has(n));
		expect(mine.length).toBe(1);
		await db.registerBuffer('x.csv', new Uint8Array([49]));
		await db.close();
		expect(existsSync(path.join(tmpdir(), mine[0]))).toBe(false);
	});
});
