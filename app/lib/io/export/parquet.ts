import { tableToIPC, type Table as ArrowTable } from 'apache-arrow';
import type { Dictionary } from '../../dataset/dictionary';
import { ROW_COLUMN } from '../arrow-ipc';
import type { ParquetModule } from '../parquet-module';
import { quoteIdent } from '../../engine/sql/quote';
import { adoptTable } from './adopt-arrow';
import { pageRange, windows } from './pages';
import type { ExportSource } from './types';

const ROW_GROUP_ROWS = 128 * 1024;
/** Key of the Parquet key-value metadata entry holding the Sieve dictionary (labels, value labels, missing values). */
export const DICTIONARY_METADATA_KEY = 'sieve.dictionary';

/**
 * Parquet (ZSTD, row groups of 128Ki rows) streamed page by page: DuckDB's Arrow pages go straight
 * to parquet-wasm's streaming writer, so no more than a page and a row group are held at a time.
 */
export async function* parquetChunks(
	source: ExportSource,
	parquet: ParquetModule,
	opts: { pageRows: number; onRows?: (rows: number) => void }
): AsyncGenerator<Uint8Array> {
	const range = await pageRange(source);
	const cols = source.dictionary.variables.map((v) => quoteIdent(v.name)).join(', ');
	const base = `SELECT ${cols} FROM ${quoteIdent(source.table)}`;
	const props = () =>
		new parquet.WriterPropertiesBuilder()
			.setCompression(parquet.Compression.ZSTD)
			.setMaxRowGroupSize(ROW_GROUP_ROWS)
			.setKeyValueMetadata(new Map([[DICTIONARY_METADATA_KEY, JSON.stringify(metadataDictionary(source.dictionary))]]))
			.setCreatedBy('sieve')
			.build();
	const toWasm = (t: ArrowTable) => parquet.Table.fromIPCStream(tableToIPC(adoptTable(t), 'stream'));

	if (range.rows === 0) {
		yield parquet.writeParquet(toWasm(await source.db.query(`${base} LIMIT 0`)), props());
		return;
	}
	const pages = windows(range, opts.pageRows);
	let rows = 0;
	const input = new ReadableStream({
		async pull(controller) {
			for (let next = pages.next(); !next.done; next = pages.next()) {
				const [from, to] = next.value;
				const t = await source.db.query(`${base} WHERE ${ROW_COLUMN} >= ? AND ${ROW_COLUMN} < ? ORDER BY ${ROW_COLUMN}`, [from, to]);
				if (t.numRows === 0) continue;
				for (const batch of toWasm(t).recordBatches()) controller.enqueue(batch);
				rows += t.numRows;
				opts.onRows?.(rows);
				return;
			}
			controller.close();
		}
	});
	const reader = (await parquet.transformParquetStream(input, props())).getReader();
	for (let r = await reader.read(); !r.done; r = await reader.read()) yield r.value as Uint8Array;
}

function metadataDictionary(d: Dictionary): Omit<Dictionary, 'warnings'> {
	const { warnings: _w, ...rest } = d;
	return rest;
}
