/** Test helper: reads a whole portable file (or any batch reader) into full columns. */
import type { Dictionary } from '../../../../../app/lib/dataset/dictionary';
import type { Column, ColumnBatch } from '../../../../../app/lib/io/batch';
import type { ByteSource } from '../../../../../app/lib/io/byte-source';
import { openPor, type OpenPorOptions } from '../../../../../app/lib/io/spss/por/index';

export async function readPorAll(source: ByteSource, opts?: OpenPorOptions) {
	return readAllBatches(await openPor(source, opts));
}

export async function readAllBatches<R extends { dictionary: Dictionary; batches(): AsyncIterable<ColumnBatch> }>(reader: R) {
	const columns: Column[] = reader.dictionary.variables.map((v) => (v.type === 'string' ? [] : new Float64Array(0)));
	let rows = 0;
	for await (const batch of reader.batches()) {
		batch.columns.forEach((c, i) => {
			const prev = columns[i];
			if (prev instanceof Float64Array) {
				const next = new Float64Array(prev.length + c.length);
				next.set(prev);
				next.set(c as Float64Array, prev.length);
				columns[i] = next;
			} else prev.push(...(c as (string | null)[]));
		});
		rows += batch.length;
	}
	return { dictionary: reader.dictionary, rows, columns, reader };
}

/** A ByteSource that hands out at most `max` bytes per read, to cross every buffer boundary. */
export function trickle(source: ByteSource, max: number): ByteSource {
	return { name: source.name, size: source.size, read: (offset, length) => source.read(offset, Math.min(length, max)) };
}
