import { describe, expect, it } from 'vitest';
import type { Dictionary, Variable } from '../../../app/lib/dataset/dictionary';
import { NO_MISSING } from '../../../app/lib/dataset/dictionary';
import { openNodeDb } from '../../../app/lib/engine/duckdb/node';
import { batchToIPC } from '../../../app/lib/io/arrow-ipc';

const v = (name: string, type: Variable['type']): Variable => ({
	name,
	label: null,
	type,
	width: 8,
	format: 'F8.2',
	measure: 'unknown',
	valueLabels: {},
	missing: NO_MISSING
});

describe('batchToIPC', () => {
	it('lands numbers, text, dates and datetimes in DuckDB with NaN and null as NULL', async () => {
		const dict: Dictionary = {
			variables: [v('n', 'numeric'), v('s', 'string'), v('d', 'date'), v('t', 'datetime')],
			encoding: 'UTF-8',
			warnings: []
		};
		const ms = Date.UTC(2024, 1, 29, 13, 45, 7, 250);
		const ipc = batchToIPC(
			dict,
			{
				length: 3,
				columns: [
					new Float64Array([1.5, NaN, -2]),
					['Zoë 👋', null, '<script>'],
					new Float64Array([ms, NaN, Date.UTC(1582, 9, 14)]),
					new Float64Array([ms, NaN, 0])
				]
			},
			10
		);
		const db = await openNodeDb();
		await db.insertArrowIPC('data', ipc, true);
		const t = await db.query(
			`SELECT __row, n, s, strftime(d, '%Y-%m-%d') AS d, strftime(t, '%Y-%m-%dT%H:%M:%S.%g') AS t FROM data ORDER BY __row`
		);
		expect(t.toArray().map((r) => r.toJSON())).toEqual([
			{ __row: 10, n: 1.5, s: 'Zoë 👋', d: '2024-02-29', t: '2024-02-29T13:45:07.250' },
			{ __row: 11, n: null, s: null, d: null, t: null },
			{ __row: 12, n: -2, s: '<script>', d: '1582-10-14', t: '1970-01-01T00:00:00.000' }
		]);
		await db.close();
	});
});
