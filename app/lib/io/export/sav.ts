import type { Dictionary } from '../../dataset/dictionary';
import type { ColumnBatch } from '../batch';
import { savChunks, type Deflate, type SavWriteReport } from '../spss/write';

/**
 * SPSS system file of the cleaned rows with the dictionary as it came in (labels, value labels,
 * missing values, formats, measures), bytecode-compressed, or ZLIB for .zsav.
 */
export function savExportChunks(
	dictionary: Dictionary,
	pages: AsyncIterable<ColumnBatch>,
	opts: { rows: number; zlib?: boolean; deflate?: Deflate }
): AsyncGenerator<Uint8Array, SavWriteReport> {
	return savChunks(dictionary, pages, { compression: opts.zlib ? 'zlib' : 'bytecode', rowCount: opts.rows, deflate: opts.deflate });
}
