/** Damaged Parquet files (seeded bit flips of a real file) fail in one line naming the file, and the engine goes on. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../../app/lib/engine/duckdb/node';
import { importFile, ImportError } from '../../../../app/lib/engine/import';
import { loadParquetNode } from '../../../../app/lib/io/parquet-node';
import { fixture, rows } from './helpers';

const good = new Uint8Array(readFileSync(fixture('small.parquet')));

function flipped(count: number): { bit: number; bytes: Uint8Array<ArrayBuffer> }[] {
	let seed = 1;
	const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
	return Array.from({ length: count }, () => {
		const bytes = new Uint8Array(good);
		const bit = Math.floor(rand() * bytes.length * 8);
		bytes[bit >> 3] ^= 1 << (bit & 7);
		return { bit, bytes };
	});
}

describe('damaged Parquet', () => {
	it('each of 10 bit flips imports or fails in one line naming the file; wasm traps included; a good file imports afterwards', async () => {
		const db = await openNodeDb();
		const deps = { db, parquet: loadParquetNode };
		const messages: string[] = [];
		let imported = 0;
		for (const [i, { bytes }] of flipped(10).entries()) {
			const name = `flip${i}.parquet`;
			try {
				await importFile(deps, new Blob([bytes]), { name });
				imported++;
			} catch (e) {
				expect(e).toBeInstanceOf(ImportError);
				expect((e as Error).message).toMatch(new RegExp(`^${name.replace('.', '\\.')}(:| )[^\\n]{10,200}$`));
				messages.push((e as Error).message);
			}
		}
		expect(imported).toBeGreaterThan(0);
		expect(messages.filter((m) => m.includes('crashed on damaged data')).length).toBeGreaterThan(0);
		expect(messages.join('\n')).not.toMatch(/RuntimeError|unreachable|wasm-function|ErrorTrace/);
		const result = await importFile(deps, new Blob([good]), { name: 'small.parquet' });
		expect(result.rows).toBe(4);
		expect((await rows(db, 'SELECT city FROM data ORDER BY __row')).map((r) => r.city)).toEqual(['Lyon', 'Genève', null, '東京']);
	});
});
