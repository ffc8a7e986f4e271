import {
	Binary,
	Bool,
	DateDay,
	Decimal,
	Dictionary,
	Field,
	Float32,
	Float64,
	Int8,
	Int16,
	Int32,
	List,
	Map_,
	RecordBatch,
	Schema,
	Struct,
	Table,
	TimeMicrosecond,
	Timestamp,
	TimeUnit,
	Uint8,
	Uint16,
	Uint32,
	Utf8,
	makeData,
	makeVector,
	type Data,
	type DataType
} from 'apache-arrow';
import {
	DuckDBTypeId,
	type DuckDBDecimalType,
	type DuckDBEnumType,
	type DuckDBListType,
	type DuckDBMapType,
	type DuckDBStructType,
	type DuckDBType,
	type DuckDBValue
} from '@duckdb/node-api';

type Cell = DuckDBValue | null;
type Column = readonly Cell[];

/**
 * Builds the Arrow table DuckDB-WASM (opened with castBigIntToDouble) would return for the same
 * result, so engine code cannot tell the two bindings apart: BIGINT and UBIGINT become doubles,
 * HUGEINT and DECIMAL stay 128-bit decimals, dates are days, times and timestamps microseconds.
 */
export function toArrowTable(names: readonly string[], types: readonly DuckDBType[], columns: readonly Column[], length: number): Table {
	const children = types.map((t, i) => toData(t, columns[i] ?? [], length));
	const fields = children.map((d, i) => new Field(names[i], d.type, true));
	const struct = makeData({ type: new Struct(fields), length, nullCount: 0, children });
	return new Table([new RecordBatch(new Schema(fields), struct)]);
}

function toData(type: DuckDBType, values: Column, length: number): Data {
	const id = type.typeId;
	switch (id) {
		case DuckDBTypeId.BOOLEAN:
			return boolData(values, length);
		case DuckDBTypeId.TINYINT:
			return numeric(new Int8(), Int8Array, values, length);
		case DuckDBTypeId.SMALLINT:
			return numeric(new Int16(), Int16Array, values, length);
		case DuckDBTypeId.INTEGER:
			return numeric(new Int32(), Int32Array, values, length);
		case DuckDBTypeId.UTINYINT:
			return numeric(new Uint8(), Uint8Array, values, length);
		case DuckDBTypeId.USMALLINT:
			return numeric(new Uint16(), Uint16Array, values, length);
		case DuckDBTypeId.UINTEGER:
			return numeric(new Uint32(), Uint32Array, values, length);
		case DuckDBTypeId.FLOAT:
			return numeric(new Float32(), Float32Array, values, length);
		case DuckDBTypeId.BIGINT:
		case DuckDBTypeId.UBIGINT:
		case DuckDBTypeId.DOUBLE:
			return numeric(new Float64(), Float64Array, values, length);
		case DuckDBTypeId.SQLNULL:
			return numeric(new Int32(), Int32Array, values, length);
		case DuckDBTypeId.HUGEINT:
			return decimalData(38, 0, values, length, (v) => v as bigint);
		case DuckDBTypeId.DECIMAL: {
			const { width, scale } = type as DuckDBDecimalType;
			return decimalData(width, scale, values, length, (v) => (v as { value: bigint }).value);
		}
		case DuckDBTypeId.VARCHAR:
		case DuckDBTypeId.UUID:
			return bytesData(new Utf8(), values, length, (v) => encoder.encode(String(v)));
		case DuckDBTypeId.BLOB:
			return bytesData(new Binary(), values, length, (v) => (v as { bytes: Uint8Array }).bytes);
		case DuckDBTypeId.DATE:
			return numeric(new DateDay(), Int32Array, values, length, (v) => (v as { days: number }).days);
		case DuckDBTypeId.TIME:
			return big(new TimeMicrosecond(), values, length, (v) => (v as { micros: bigint }).micros);
		case DuckDBTypeId.TIMESTAMP:
			return big(new Timestamp(TimeUnit.MICROSECOND), values, length, (v) => (v as { micros: bigint }).micros);
		case DuckDBTypeId.TIMESTAMP_TZ:
			return big(new Timestamp(TimeUnit.MICROSECOND, 'UTC'), values, length, (v) => (v as { micros: bigint }).micros);
		case DuckDBTypeId.TIMESTAMP_MS:
			return big(new Timestamp(TimeUnit.MILLISECOND), values, length, (v) => (v as { millis: bigint }).millis);
		case DuckDBTypeId.TIMESTAMP_S:
			return big(new Timestamp(TimeUnit.SECOND), values, length, (v) => (v as { seconds: bigint }).seconds);
		case DuckDBTypeId.TIMESTAMP_NS:
			return big(new Timestamp(TimeUnit.NANOSECOND), values, length, (v) => (v as { nanos: bigint }).nanos);
		case DuckDBTypeId.ENUM:
			return enumData(type as DuckDBEnumType, values, length);
		case DuckDBTypeId.LIST:
			return listData(type as DuckDBListType, values, length);
		case DuckDBTypeId.STRUCT:
			return structData(type as DuckDBStructType, values, length);
		case DuckDBTypeId.MAP:
			return mapData(type as DuckDBMapType, values, length);
		default:
			throw new Error(`native DuckDB: results of type ${type.toString()} are not supported`);
	}
}

function validity(values: Column, length: number): { nullBitmap?: Uint8Array; nullCount: number } {
	let nullCount = 0;
	const bitmap = new Uint8Array((length + 7) >> 3);
	for (let i = 0; i < length; i++) {
		if (values[i] === null || values[i] === undefined) nullCount++;
		else bitmap[i >> 3] |= 1 << (i & 7);
	}
	return nullCount ? { nullBitmap: bitmap, nullCount } : { nullCount };
}

type NumArray = Int8ArrayConstructor | Int16ArrayConstructor | Int32ArrayConstructor | Uint8ArrayConstructor;
type NumArrayCtor = NumArray | Uint16ArrayConstructor | Uint32ArrayConstructor | Float32ArrayConstructor | Float64ArrayConstructor;

function numeric(type: DataType, Ctor: NumArrayCtor, values: Column, length: number, get: (v: DuckDBValue) => number = Number): Data {
	const data = new Ctor(length);
	for (let i = 0; i < length; i++) {
		const v = values[i];
		if (v !== null && v !== undefined) data[i] = get(v);
	}
	return makeData({ type, length, ...validity(values, length), data } as never);
}

function big(type: DataType, values: Column, length: number, get: (v: DuckDBValue) => bigint): Data {
	const data = new BigInt64Array(length);
	for (let i = 0; i < length; i++) {
		const v = values[i];
		if (v !== null && v !== undefined) data[i] = get(v);
	}
	return makeData({ type, length, ...validity(values, length), data } as never);
}

function boolData(values: Column, length: number): Data {
	const data = new Uint8Array((length + 7) >> 3);
	for (let i = 0; i < length; i++) if (values[i] === true) data[i >> 3] |= 1 << (i & 7);
	return makeData({ type: new Bool(), length, ...validity(values, length), data });
}

const MASK64 = (1n << 64n) - 1n;

function decimalData(precision: number, scale: number, values: Column, length: number, get: (v: DuckDBValue) => bigint): Data {
	const words = new BigUint64Array(length * 2);
	for (let i = 0; i < length; i++) {
		const v = values[i];
		if (v === null || v === undefined) continue;
		const n = get(v);
		words[2 * i] = n & MASK64;
		words[2 * i + 1] = (n >> 64n) & MASK64;
	}
	const data = new Uint32Array(words.buffer);
	return makeData({ type: new Decimal(scale, precision, 128), length, ...validity(values, length), data });
}

const encoder = new TextEncoder();

function bytesData<T extends Utf8 | Binary>(type: T, values: Column, length: number, get: (v: DuckDBValue) => Uint8Array): Data<T> {
	const parts: Uint8Array[] = [];
	const valueOffsets = new Int32Array(length + 1);
	let at = 0;
	for (let i = 0; i < length; i++) {
		const v = values[i];
		if (v !== null && v !== undefined) {
			const b = get(v);
			parts.push(b);
			at += b.length;
		}
		valueOffsets[i + 1] = at;
	}
	const data = new Uint8Array(at);
	let o = 0;
	for (const p of parts) {
		data.set(p, o);
		o += p.length;
	}
	return makeData({ type, length, ...validity(values, length), valueOffsets, data } as never) as unknown as Data<T>;
}

function enumData(type: DuckDBEnumType, values: Column, length: number): Data {
	const n = type.values.length;
	const [indexType, Ctor] = n <= 0xff ? [new Uint8(), Uint8Array] : n <= 0xffff ? [new Uint16(), Uint16Array] : [new Uint32(), Uint32Array];
	const dictionary = makeVector(bytesData(new Utf8(), type.values, n, (v) => encoder.encode(String(v))));
	const data = new Ctor(length);
	for (let i = 0; i < length; i++) {
		const v = values[i];
		if (v !== null && v !== undefined) data[i] = type.valueIndexes[String(v)];
	}
	return makeData({ type: new Dictionary(new Utf8(), indexType), length, ...validity(values, length), data, dictionary } as never);
}

/** Flattens list-like cells into one child column plus Arrow offsets. */
function flatten<T>(values: Column, length: number, items: (v: DuckDBValue) => readonly T[]): { offsets: Int32Array; flat: T[] } {
	const offsets = new Int32Array(length + 1);
	const flat: T[] = [];
	for (let i = 0; i < length; i++) {
		const v = values[i];
		if (v !== null && v !== undefined) for (const x of items(v)) flat.push(x);
		offsets[i + 1] = flat.length;
	}
	return { offsets, flat };
}

function listData(type: DuckDBListType, values: Column, length: number): Data {
	const { offsets, flat } = flatten(values, length, (v) => (v as { items: readonly Cell[] }).items);
	const child = toData(type.valueType, flat, flat.length);
	const field = new Field('l', child.type, true);
	return makeData({ type: new List(field), length, ...validity(values, length), valueOffsets: offsets, child });
}

function structData(type: DuckDBStructType, values: Column, length: number): Data {
	const children = type.entryNames.map((name, j) =>
		toData(
			type.entryTypes[j],
			values
				.slice(0, length)
				.map((v) => (v === null || v === undefined ? null : ((v as { entries: Record<string, Cell> }).entries[name] ?? null))),
			length
		)
	);
	const fields = children.map((c, j) => new Field(type.entryNames[j], c.type, true));
	return makeData({ type: new Struct(fields), length, ...validity(values, length), children });
}

function mapData(type: DuckDBMapType, values: Column, length: number): Data {
	type Entry = { key: Cell; value: Cell };
	const { offsets, flat } = flatten<Entry>(values, length, (v) => (v as { entries: Entry[] }).entries);
	const keys = toData(
		type.keyType,
		flat.map((e) => e.key),
		flat.length
	);
	const vals = toData(
		type.valueType,
		flat.map((e) => e.value),
		flat.length
	);
	const entryFields = [new Field('key', keys.type, false), new Field('value', vals.type, true)];
	const entries = makeData({ type: new Struct(entryFields), length: flat.length, nullCount: 0, children: [keys, vals] });
	const mapType = new Map_(new Field('entries', entries.type, false));
	return makeData({ type: mapType, length, ...validity(values, length), valueOffsets: offsets, child: entries });
}
