/** Hostile and damaged workbooks fail in one line naming the file, before any row is stored. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../../app/lib/engine/duckdb/node';
import { importFile, ImportError } from '../../../../app/lib/engine/import';
import { loadParquetNode } from '../../../../app/lib/io/parquet-node';
import { workbook } from '../../io/xlsx/make-xlsx';
import { fixture, rows } from './helpers';

describe('xlsx limits and damage', () => {
	it('refuses a 1 GiB sheet by its zip header and a damaged workbook in one line each; the data already stored stays', async () => {
		const db = await openNodeDb();
		const deps = { db, parquet: loadParquetNode };
		await importFile(deps, new Blob([readFileSync(fixture('survey.xlsx'))]), { name: 'survey.xlsx' });

		const bomb = workbook('<row r="1"><c r="A1"><v>1</v></c></row>', [], { sheetDeclaredSize: 2 ** 30 });
		await expect(importFile(deps, bomb, { name: 'bomb.xlsx' })).rejects.toThrow(
			new ImportError('bomb.xlsx: xl/worksheets/data.xml is 1024 MB uncompressed; parts over 512 MB are refused — save the sheet as CSV')
		);

		const damaged = new Uint8Array(readFileSync(fixture('survey.xlsx')));
		for (let i = 200; i < 1200; i += 7) damaged[i] ^= 0x5a;
		const err = await importFile(deps, new Blob([damaged]), { name: 'damaged.xlsx' }).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(ImportError);
		expect((err as Error).message).toMatch(/^damaged\.xlsx(:| )[^\n]+$/);

		expect((await rows(db, 'SELECT rid FROM data ORDER BY __row')).map((r) => r.rid)).toEqual([101, 102, 103]);
	});
});
