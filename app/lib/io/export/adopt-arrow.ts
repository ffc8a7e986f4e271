import {
	DateDay,
	Field,
	Float64,
	makeData,
	RecordBatch,
	Schema,
	Struct,
	Table,
	TimestampMicrosecond,
	Type,
	TimeUnit,
	Utf8,
	type Data,
	type DataType
} from 'apache-arrow';

/**
 * A DuckDB result as a Table of this module's apache-arrow classes, sharing the buffers.
 * DuckDB-wasm's Node build loads apache-arrow's CommonJS build while our ESM code gets the ESM
 * build: two copies of every class, so `instanceof` fails and tableToIPC silently writes nothing.
 * Only the column types an export selects are handled: DOUBLE, VARCHAR, DATE, TIMESTAMP.
 */
export function adoptTable(foreign: Table): Table {
	if ((foreign as unknown) instanceof Table) return foreign;
	const fields = foreign.schema.fields.map((f) => new Field(f.name, ownType(f.type, f.name), true));
	const schema = new Schema(fields);
	const batches = foreign.batches.map((b) => {
		const children = b.data.children.map((c, i) => ownData(fields[i].type, c));
		return new RecordBatch(schema, makeData({ type: new Struct(fields), length: b.numRows, nullCount: 0, children }));
	});
	return new Table(schema, batches);
}

function ownType(t: DataType, name: string): DataType {
	switch (t.typeId) {
		case Type.Float:
			return new Float64();
		case Type.Utf8:
			return new Utf8();
		case Type.Date:
			return new DateDay();
		case Type.Timestamp:
			if ((t as TimestampMicrosecond).unit !== TimeUnit.MICROSECOND) break;
			return new TimestampMicrosecond();
	}
	throw new Error(`column ${name}: Arrow type ${String(t)} cannot be exported`);
}

function ownData(type: DataType, d: Data): Data {
	const common = { length: d.length, nullCount: d.nullCount, nullBitmap: d.nullCount ? d.nullBitmap : undefined };
	if (type.typeId === Type.Utf8) return makeData({ ...common, type: type as Utf8, valueOffsets: d.valueOffsets, data: d.values });
	return makeData({ ...common, type: type as Float64, data: d.values });
}
