import { describe, expect, it } from 'vitest';
import { readSheet } from 'read-excel-file/universal';
import { openNodeDb } from '../../../../app/lib/engine/duckdb/node';
import { importFile } from '../../../../app/lib/engine/import';
import type { Recipe } from '../../../../app/lib/engine/recipe';
import { DICTIONARY_METADATA_KEY } from '../../../../app/lib/io/export';
import { loadParquetNode } from '../../../../app/lib/io/parquet-node';
import { FIXTURES, loadFixture, rowsOf } from '../../engine/recipe/load-fixture';
import { exportBytes } from './export-helpers';

const recipe: Recipe = {
	version: 1,
	dataset: { sha256: '0'.repeat(64) },
	steps: [
		{ action: 'exclude', respondent: 2 },
		{ action: 'recode', variable: 'gender', from: ['m', 'Male '], to: 'Male' },
		{ action: 'edit-value', respondent: 3, variable: 'city', value: `'; DROP TABLE data; --` },
		{ action: 'set-missing', respondent: 4, variable: 'visit' }
	]
};
const scores = new Map([[3, { score: 40, verdict: 'remove' as const }]]);

async function reimport(bytes: Uint8Array, name: string) {
	const db = await openNodeDb();
	const result = await importFile({ db, parquet: loadParquetNode }, new Blob([bytes as BlobPart]), { name });
	const rows = (await rowsOf(db, 'data')).map(({ __row: _r, ...rest }) => rest);
	await db.close();
	return { rows, dictionary: result.dictionary };
}

describe.each([
	['recipe/wave1.csv', recipe, 'rid'],
	['sav/pyreadstat_sample.sav', null, 'mychar'],
	['sav/srw_spssio_test.sav', null, '__row']
] as const)('Parquet export of %s', (fixture, r, idVariable) => {
	it('reads back through our importer with identical values and types, in row groups', async () => {
		const f = await loadFixture(`${FIXTURES}/${fixture}`);
		try {
			const { bytes, source } = await exportBytes(f.db, f.dictionary, 'parquet', {
				recipe: r ?? undefined,
				idVariable,
				scores,
				pageRows: 2
			});
			const want = (await rowsOf(f.db, source.table)).map(({ __row: _r, ...rest }) => rest);
			const back = await reimport(bytes, 'out.parquet');
			expect(back.rows).toEqual(want);
			// Times travel as seconds (DOUBLE), as in CSV and Excel: SPSS times may exceed 24 h, which Parquet's TIME cannot hold.
			const asWritten = (t: string) => (t === 'time' ? 'numeric' : t);
			expect(back.dictionary.variables.map((v) => [v.name, v.type])).toEqual(
				source.dictionary.variables.map((v) => [v.name, asWritten(v.type)])
			);
			const pq = await loadParquetNode();
			const file = await pq.ParquetFile.fromFile(new Blob([bytes as BlobPart]));
			const meta = file.metadata();
			expect(meta.numRowGroups()).toBeGreaterThan(0);
			const kv = meta.fileMetadata().keyValueMetadata() as Map<string, string>;
			expect(JSON.parse(kv.get(DICTIONARY_METADATA_KEY)!).variables.map((v: { name: string }) => v.name)).toEqual(
				source.dictionary.variables.map((v) => v.name)
			);
		} finally {
			await f.db.close();
		}
	});
});

describe('Excel export', () => {
	it('reads back through our importer with identical values, dates as dates, formulas neutralised', async () => {
		const f = await loadFixture(`${FIXTURES}/recipe/wave1.csv`);
		try {
			const { bytes, source } = await exportBytes(f.db, f.dictionary, 'xlsx', { recipe, idVariable: 'rid', scores, pageRows: 2 });
			const sheet = (await readSheet(new Blob([bytes as BlobPart]))) as unknown[][];
			expect(sheet[0]).toEqual(['rid', 'age', 'gender', 'q1', 'city', 'visit', 'sieve_score', 'sieve_verdict']);
			expect(sheet.at(-1)![4]).toBe("'=HYPERLINK(1)");
			expect(sheet[1][5]).toEqual(new Date(Date.UTC(2024, 0, 5)));
			const want = (await rowsOf(f.db, source.table)).map(({ __row: _r, ...rest }) => rest);
			want.at(-1)!.city = "'=HYPERLINK(1)";
			const back = await reimport(bytes, 'out.xlsx');
			expect(back.rows).toEqual(want);
			expect(back.dictionary.variables.map((v) => v.type)).toEqual([
				'numeric',
				'numeric',
				'string',
				'numeric',
				'string',
				'date',
				'numeric',
				'string'
			]);
		} finally {
			await f.db.close();
		}
	});
});
