import { Field, Float64, Int32, makeData, RecordBatch, Schema, Struct, Table, tableToIPC, Uint8, type Data } from 'apache-arrow';
import type { SqlDb } from './db';

export type TypedColumn = Int32Array | Float64Array | Uint8Array;

function arrowData(c: TypedColumn): Data {
	const props = { length: c.length, nullCount: 0 };
	if (c instanceof Int32Array) return makeData({ ...props, type: new Int32(), data: c });
	if (c instanceof Float64Array) return makeData({ ...props, type: new Float64(), data: c });
	return makeData({ ...props, type: new Uint8(), data: c });
}

/** Appends equally long typed arrays as rows of `table` (created when `create`), through one Arrow IPC stream. */
export async function insertColumns(db: SqlDb, table: string, columns: Record<string, TypedColumn>, create: boolean): Promise<void> {
	const entries = Object.entries(columns);
	const n = entries[0][1].length;
	const children = entries.map(([, c]) => arrowData(c));
	const fields = entries.map(([name], i) => new Field(name, children[i].type, false));
	const batch = new RecordBatch(new Schema(fields), makeData({ type: new Struct(fields), length: n, nullCount: 0, children }));
	await db.insertArrowIPC(table, tableToIPC(new Table([batch]), 'stream'), create);
}
