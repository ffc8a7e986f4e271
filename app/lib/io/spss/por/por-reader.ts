/** Opens an SPSS portable file (.por): the dictionary first, then the cases as column batches. */
import type { Dictionary } from '../../../dataset/dictionary';
import type { Column, ColumnBatch } from '../../batch';
import type { ByteSource } from '../../byte-source';
import { spssSecondsToEpochMs } from '../dates';
import { readNumber, readStringBytes } from './fields';
import { readPorDictionary } from './por-dictionary';
import { PorText } from './por-text';

export interface PorProgress {
	bytesRead: number;
	size: number;
	rows: number;
}

export interface PorReader {
	dictionary: Dictionary;
	/** Portable files do not state their row count. */
	rowCountHint: null;
	batches(onProgress?: (p: PorProgress) => void): AsyncIterable<ColumnBatch>;
}

export interface OpenPorOptions {
	/** Rows per batch; default 20,000. */
	batchRows?: number;
}

const Z = 0x5a;
const SPACE = 0x20;

export async function openPor(source: ByteSource, opts: OpenPorOptions = {}): Promise<PorReader> {
	const text = new PorText(source);
	const { dictionary, widths, dates, strings } = await readPorDictionary(text);
	const batchRows = Math.max(1, opts.batchRows ?? 20_000);
	let started = false;

	/** True at the end-of-data marker 'Z'; a file that ends without it is truncated. */
	function atEnd(): boolean {
		for (;;) {
			const c = text.peek();
			if (c === Z) return true;
			if (c !== SPACE) return false;
			text.pos++;
		}
	}

	function readCase(): (number | string | null)[] | null {
		if (atEnd()) return null;
		return widths.map((w, i) => {
			if (w > 0) return strings.trimmed(readStringBytes(text));
			const x = readNumber(text);
			return dates[i] && !Number.isNaN(x) ? spssSecondsToEpochMs(x) : x;
		});
	}

	async function* batches(onProgress?: (p: PorProgress) => void): AsyncGenerator<ColumnBatch> {
		if (started) throw new Error(`${source.name}: batches() can be iterated once`);
		started = true;
		let rows = 0;
		for (;;) {
			const columns: Column[] = widths.map((w) => (w > 0 ? [] : new Float64Array(batchRows)));
			let n = 0;
			let done = false;
			while (n < batchRows) {
				const row = await text.attempt(readCase);
				if (row === null) {
					done = true;
					break;
				}
				for (let i = 0; i < row.length; i++) {
					const col = columns[i];
					if (col instanceof Float64Array) col[n] = row[i] as number;
					else col.push(row[i] as string);
				}
				n++;
			}
			if (n > 0) {
				rows += n;
				yield { length: n, columns: columns.map((c) => (c instanceof Float64Array ? c.subarray(0, n) : c)) };
				onProgress?.({ bytesRead: text.bytesRead, size: source.size, rows });
			}
			if (done) return;
		}
	}

	return { dictionary, rowCountHint: null, batches };
}
