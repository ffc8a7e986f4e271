import { mkdtempSync, openAsBlob, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../../app/lib/engine/duckdb/node';
import { importFile, type ImportOptions } from '../../../../app/lib/engine/import';
import { RaggedRowsError } from '../../../../app/lib/engine/import/csv-ragged';
import { loadParquetNode } from '../../../../app/lib/io/parquet-node';
import type { SqlDb } from '../../../../app/lib/engine/sql/db';
import { rows } from './helpers';

const dir = mkdtempSync(path.join(tmpdir(), 'sieve-csv-'));
let db: SqlDb;
beforeAll(async () => {
	db = await openNodeDb();
});

async function load(name: string, content: string | Uint8Array, opts: Partial<ImportOptions> = {}) {
	const file = path.join(dir, name);
	writeFileSync(file, content);
	return importFile({ db, parquet: loadParquetNode }, await openAsBlob(file), { name, path: file, ...opts });
}

/** A refusal is one line naming the user's file, with nothing of DuckDB or our temp files in it. */
async function refusal(name: string, content: string | Uint8Array, opts: Partial<ImportOptions> = {}): Promise<Error> {
	const error = await load(name, content, opts).then(
		() => null,
		(e: Error) => e
	);
	expect(error).toBeInstanceOf(Error);
	expect(error!.message.startsWith(name)).toBe(true);
	expect(error!.message).not.toMatch(/\n|sieve-import|duckdb|read_csv|strict_mode/i);
	return error!;
}

describe('CSV bad input', () => {
	it('reads CRLF mixed with LF, and a bare CR inside a quoted field, as RFC 4180 allows', async () => {
		const result = await load('mixed.csv', 'id,text\r\n1,"one\rtwo"\n2,plain\r\n3,"a\r\nb"\n');
		expect(result.rows).toBe(3);
		expect(await rows(db)).toEqual([
			{ id: 1, text: 'one\rtwo' },
			{ id: 2, text: 'plain' },
			{ id: 3, text: 'a\r\nb' }
		]);
	});

	it('reads a 10 MB cell, longer than DuckDB’s default line limit', async () => {
		const long = 'x'.repeat(10_000_000);
		await load('long-cell.csv', `id,oe\n1,short\n2,"${long}"\n`);
		expect(await rows(db, 'SELECT id, strlen(oe) AS n FROM data ORDER BY __row')).toEqual([
			{ id: 1, n: 5 },
			{ id: 2, n: 10_000_000 }
		]);
	});

	it('refuses a row over the documented cap, naming its line', async () => {
		const e = await refusal('huge-row.csv', `id,oe\n1,a\n2,b\n3,"${'y'.repeat(33 * 2 ** 20)}"\n`);
		expect(e.message).toBe('huge-row.csv: the row on line 4 is longer than 32 MB, the most Sieve reads in one row');
	});

	it('refuses 100,000 columns by name before reading them', async () => {
		const header = Array.from({ length: 100_000 }, (_, i) => `v${i}`).join(',');
		const e = await refusal('wide.csv', `${header}\n${header}\n`);
		expect(e.message).toBe('wide.csv has 100,000 columns; Sieve reads at most 10,000');
	});

	it('refuses an unclosed quote, naming the line it opens on', async () => {
		const e = await refusal('unclosed.csv', 'id,oe\n1,a\n2,"never closed\n3,c\n');
		expect(e.message).toBe('unclosed.csv: a quoted field opened on line 3 is never closed');
	});

	it('lists every ragged line (the first 20 and a count) as an editor numbers them, keeping the data there', async () => {
		await load('good.csv', 'id,v\n1,a\n');
		const body = Array.from({ length: 30 }, (_, i) => (i % 5 === 4 ? `${i},b,extra` : i === 2 ? `${i},"two\nlines"` : `${i},a`));
		const e = await refusal('ragged.csv', `id,v\n${body.join('\n')}\n`);
		expect(e).toBeInstanceOf(RaggedRowsError);
		// rows 5, 10, …, 30 are long; the quoted line break in row 3 pushes every later row down a line
		const lines = [6, 11, 16, 21, 26, 31].map((l) => l + 1);
		expect((e as RaggedRowsError).ragged).toEqual({ expected: 2, lines: lines.map((line) => ({ line, fields: 3 })) });
		expect(e.message).toBe(`ragged.csv: 6 rows do not have the header's 2 fields: ${lines.map((l) => `line ${l} has 3`).join(', ')}`);
		expect(await rows(db)).toEqual([{ id: 1, v: 'a' }]);
	});

	it('keeps every data row under a header cell with a line break, counting its lines', async () => {
		const e = await refusal('header-break.csv', 'id,"long\nquestion"\n1,2\n3\n');
		expect(e.message).toBe("header-break.csv: 1 row does not have the header's 2 fields: line 4 has 1");
		const result = await load('header-break.csv', 'id,"long\nquestion"\n1,2\n3,4\n');
		expect(result.rows).toBe(2);
		expect(await rows(db, 'SELECT id FROM data ORDER BY __row')).toEqual([{ id: 1 }, { id: 3 }]);
	});

	it('names the first 20 ragged lines and counts the rest', async () => {
		const body = Array.from({ length: 25 }, (_, i) => `${i}`);
		const e = await refusal('short.csv', `a,b,c\n${body.join('\n')}\n`);
		expect(e.message).toMatch(/^short\.csv: 25 rows do not have the header's 3 fields: line 2 has 1, .*line 21 has 1, and 5 more$/);
	});

	it('imports ragged rows anyway when asked: short rows padded with missing values, long rows cut, each listed', async () => {
		const result = await load('repair.csv', 'a,b,c\n1,2,3\n4,5\n6,7,8,9,10\n11,,\n', { repairRagged: true });
		expect(result.repairs).toEqual({
			expected: 3,
			lines: [
				{ line: 3, fields: 2 },
				{ line: 4, fields: 5 }
			]
		});
		expect(await rows(db)).toEqual([
			{ a: 1, b: 2, c: 3 },
			{ a: 4, b: 5, c: null },
			{ a: 6, b: 7, c: 8 },
			{ a: 11, b: null, c: null }
		]);
	});

	it('refuses bytes that are not UTF-8 past the sniffed head, naming the line', async () => {
		const good = Array.from({ length: 10_000 }, (_, i) => `${i},abcdefgh\n`).join('');
		const bytes = new Uint8Array([...new TextEncoder().encode(`id,v\n${good}`), 0x32, 0x2c, 0xc3, 0x28, 0x0a]);
		const e = await refusal('bad-utf8.csv', bytes);
		expect(e.message).toBe("bad-utf8.csv: the text on line 10002 is not valid in the file's encoding — choose the encoding by hand");
	});
});
