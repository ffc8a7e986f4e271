/** A dictionary and rows that exercise every part of the writer; shared by the writer tests. */
import type { Dictionary, Variable } from '../../../../../app/lib/dataset/dictionary';
import type { ColumnBatch } from '../../../../../app/lib/io/batch';

export function variable(v: Partial<Variable> & Pick<Variable, 'name' | 'type'>): Variable {
	return {
		label: null,
		width: 8,
		format: v.type === 'string' ? `A${v.width ?? 8}` : 'F8.2',
		measure: 'unknown',
		valueLabels: {},
		missing: { values: [], range: null },
		...v
	};
}

/** 300 bytes: a 2-byte 'é' straddles the 255-byte segment boundary. */
export const S300 = 'a'.repeat(254) + 'é' + 'b'.repeat(44);
/** 40,000 bytes of 3-byte characters, so characters straddle every segment boundary. */
export const S40K = '日本語'.repeat(4444) + '漢' + 'z';
/** SPSS strings hold at most 32,767 bytes: S40K cut before the character that would not fit. */
export const S40K_STORED = S40K.slice(0, Math.floor(32767 / 3));
export const DAY_MS = Date.UTC(2018, 4, 6);
export const DATETIME_MS = Date.UTC(2018, 4, 6, 10, 10, 10);

export const sampleDictionary: Dictionary = {
	encoding: 'UTF-8',
	warnings: [],
	fileLabel: 'Sieve writer test',
	documents: ['First document line', 'Second: ünïcödé', 'ü'.repeat(41)],
	mrSets: [
		{ name: '$codes', label: 'Codes chosen', kind: 'dichotomy', countedValue: '7', variables: ['x', 'z'] },
		{ name: '$texts', label: 'Text answers', kind: 'category', variables: ['s', 's300'] }
	],
	variables: [
		variable({
			name: 'x',
			type: 'numeric',
			label: 'Score',
			measure: 'ordinal',
			attributes: { Source: ['wave 1'], Notes: ['first', "it's second"] },
			valueLabels: { '1': 'low', '2': 'high', '-1': 'refused' },
			missing: { values: [-1], range: [null, -10] }
		}),
		variable({
			name: 'y',
			type: 'numeric',
			format: 'F10.3',
			writeFormat: 'F12.4',
			measure: 'scale',
			missing: { values: [], range: [90, null] }
		}),
		variable({ name: 'z', type: 'numeric', format: 'F4.0', measure: 'nominal', missing: { values: [7, 8, 9], range: null } }),
		variable({
			name: 's',
			type: 'string',
			width: 3,
			label: 'Short string',
			valueLabels: { a: 'Apple', NA: 'Not answered' },
			missing: { values: ['NA'], range: null }
		}),
		variable({ name: 's300', type: 'string', width: 300, alignment: 'center', displayWidth: 40, valueLabels: { [S300]: 'the long one' } }),
		variable({
			name: 's40k',
			type: 'string',
			width: 32767,
			label: 'Très long',
			valueLabels: { abc: 'ABC' },
			missing: { values: ['none'], range: null }
		}),
		variable({
			name: 'd',
			type: 'date',
			format: 'DATE11',
			valueLabels: { [String(Date.UTC(1999, 11, 31))]: 'millennium eve' },
			missing: { values: [Date.UTC(1900, 0, 1)], range: null }
		}),
		variable({ name: 'dt', type: 'datetime', format: 'DATETIME20' }),
		variable({ name: 't', type: 'time', format: 'TIME8' })
	]
};

export function sampleBatch(): ColumnBatch {
	return {
		length: 4,
		columns: [
			new Float64Array([1, 2, -1, NaN]),
			new Float64Array([1e10, -0.125, 123456.789, 95]),
			new Float64Array([7, 0, 250, -100]),
			['a', 'NA', null, 'xyz'],
			[S300, 'short', null, 'é'],
			[S40K, 'abc', 'none', null],
			new Float64Array([DAY_MS, Date.UTC(1582, 9, 15), NaN, Date.UTC(2100, 11, 31)]),
			new Float64Array([DATETIME_MS, NaN, 0, Date.UTC(1999, 11, 31, 23, 59, 59)]),
			new Float64Array([36610, 0, NaN, 86399.5])
		]
	};
}
