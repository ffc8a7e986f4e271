import {
	DateDay,
	Field,
	Float64,
	Int32,
	RecordBatch,
	Schema,
	Struct,
	TimestampMicrosecond,
	Utf8,
	makeData,
	tableToIPC,
	Table,
	type Data
} from 'apache-arrow';
import type { Dictionary, VarType } from '../dataset/dictionary';
import type { Column, ColumnBatch } from './batch';

/** Name of the row-number column every imported table carries (1-based, file order). */
export const ROW_COLUMN = '__row';

const MS_PER_DAY = 86_400_000;

/**
 * Encodes a batch as an Arrow IPC stream, the form DuckDB ingests fastest.
 * Columns: `__row` (firstRow, firstRow + 1, …) then one per variable.
 */
export function batchToIPC(dictionary: Dictionary, batch: ColumnBatch, firstRow: number): Uint8Array {
	const fields: Field[] = [new Field(ROW_COLUMN, new Int32(), false)];
	const children: Data[] = [rowNumbers(batch.length, firstRow)];
	dictionary.variables.forEach((v, i) => {
		const data = columnData(v.type, batch.columns[i], batch.length, v.name);
		fields.push(new Field(v.name, data.type, true));
		children.push(data);
	});
	const schema = new Schema(fields);
	const struct = makeData({ type: new Struct(fields), length: batch.length, nullCount: 0, children });
	return tableToIPC(new Table([new RecordBatch(schema, struct)]), 'stream');
}

function rowNumbers(length: number, first: number): Data<Int32> {
	const values = new Int32Array(length);
	for (let i = 0; i < length; i++) values[i] = first + i;
	return makeData({ type: new Int32(), length, nullCount: 0, data: values });
}

function columnData(type: VarType, column: Column, length: number, name: string): Data {
	if (Array.isArray(column)) {
		if (type !== 'string') throw new Error(`variable ${name}: expected numbers, got text`);
		return utf8Data(column, length);
	}
	if (type === 'string') throw new Error(`variable ${name}: expected text, got numbers`);
	if (type === 'date') return dateData(column, length);
	if (type === 'datetime') return timestampData(column, length);
	return floatData(column, length);
}

function validity(values: Float64Array, length: number): { bitmap: Uint8Array; nulls: number } {
	const bitmap = new Uint8Array((length + 7) >> 3);
	let nulls = 0;
	for (let i = 0; i < length; i++) {
		if (Number.isNaN(values[i])) nulls++;
		else bitmap[i >> 3] |= 1 << (i & 7);
	}
	return { bitmap, nulls };
}

function floatData(values: Float64Array, length: number): Data<Float64> {
	const { bitmap, nulls } = validity(values, length);
	return makeData({
		type: new Float64(),
		length,
		nullCount: nulls,
		nullBitmap: nulls ? bitmap : undefined,
		data: values.subarray(0, length)
	});
}

function dateData(ms: Float64Array, length: number): Data<DateDay> {
	const { bitmap, nulls } = validity(ms, length);
	const days = new Int32Array(length);
	for (let i = 0; i < length; i++) if (!Number.isNaN(ms[i])) days[i] = Math.floor(ms[i] / MS_PER_DAY);
	return makeData({ type: new DateDay(), length, nullCount: nulls, nullBitmap: nulls ? bitmap : undefined, data: days });
}

function timestampData(ms: Float64Array, length: number): Data<TimestampMicrosecond> {
	const { bitmap, nulls } = validity(ms, length);
	const micros = new BigInt64Array(length);
	for (let i = 0; i < length; i++) if (!Number.isNaN(ms[i])) micros[i] = BigInt(Math.round(ms[i] * 1000));
	return makeData({
		type: new TimestampMicrosecond(),
		length,
		nullCount: nulls,
		nullBitmap: nulls ? bitmap : undefined,
		data: micros
	});
}

const encoder = new TextEncoder();

function utf8Data(values: (string | null)[], length: number): Data<Utf8> {
	const offsets = new Int32Array(length + 1);
	const bitmap = new Uint8Array((length + 7) >> 3);
	let nulls = 0;
	let bytes = new Uint8Array(Math.max(64, length * 8));
	let at = 0;
	for (let i = 0; i < length; i++) {
		const s = values[i];
		if (s === null || s === undefined) nulls++;
		else {
			bitmap[i >> 3] |= 1 << (i & 7);
			if (at + s.length * 3 > bytes.length) {
				const grown = new Uint8Array(Math.max(bytes.length * 2, at + s.length * 3));
				grown.set(bytes.subarray(0, at));
				bytes = grown;
			}
			at += encoder.encodeInto(s, bytes.subarray(at)).written;
		}
		offsets[i + 1] = at;
	}
	return makeData({
		type: new Utf8(),
		length,
		nullCount: nulls,
		nullBitmap: nulls ? bitmap : undefined,
		valueOffsets: offsets,
		data: bytes.subarray(0, at)
	});
}
