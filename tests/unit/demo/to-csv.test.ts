import { describe, expect, it } from 'vitest';
import type { Dictionary, Variable } from '../../../app/lib/dataset/dictionary';
import { NO_MISSING } from '../../../app/lib/dataset/dictionary';
import { batchToCsv, csvHeader } from '../../../app/lib/demo/to-csv';

const v = (name: string, type: Variable['type']): Variable => ({
	name,
	label: null,
	type,
	width: 8,
	format: 'F8.0',
	measure: 'unknown',
	valueLabels: {},
	missing: NO_MISSING
});
const dict: Dictionary = { variables: [v('n', 'numeric'), v('s', 'string'), v('t', 'datetime')], encoding: 'UTF-8', warnings: [] };

describe('batchToCsv', () => {
	it('quotes per RFC 4180, keeps edge blanks, leaves missing empty', () => {
		const t = Date.UTC(2026, 2, 2, 9, 5, 7);
		const csv = batchToCsv(dict, {
			length: 5,
			columns: [new Float64Array([1, NaN, 2.5, -9, 0]), ['a,b', 'say "hi"', null, 'germany ', ''], new Float64Array([t, NaN, t, t, t])]
		});
		expect(csvHeader(dict)).toBe('n,s,t\r\n');
		expect(csv.split('\r\n')).toEqual([
			'1,"a,b",2026-03-02 09:05:07',
			',"say ""hi""",',
			'2.5,,2026-03-02 09:05:07',
			'-9,"germany ",2026-03-02 09:05:07',
			'0,"",2026-03-02 09:05:07',
			''
		]);
	});

	it('quotes line breaks inside a field', () => {
		expect(batchToCsv(dict, { length: 1, columns: [new Float64Array([1]), ['two\nlines'], new Float64Array([NaN])] })).toBe(
			'1,"two\nlines",\r\n'
		);
	});
});
