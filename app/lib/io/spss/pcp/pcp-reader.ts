/** Opens an SPSS/PC+ system file (.sys): the dictionary first, then the cases as column batches. */
import type { Dictionary } from '../../../dataset/dictionary';
import type { Column, ColumnBatch } from '../../batch';
import type { ByteSource } from '../../byte-source';
import { SpssError } from '../spss-error';
import { readPcpDictionary, type PcpLayout } from './pcp-dictionary';

export interface PcpProgress {
	bytesRead: number;
	size: number;
	rows: number;
}

export interface PcpReader {
	dictionary: Dictionary;
	rowCountHint: number;
	batches(onProgress?: (p: PcpProgress) => void): AsyncIterable<ColumnBatch>;
}

export interface OpenPcpOptions {
	/** Read text in this encoding instead of guessing windows-1252 (the files declare none). */
	encoding?: string;
	/** Rows per batch; default 20,000. */
	batchRows?: number;
}

const LITERAL = 1;
const SYSMIS_CODE = 0;
// PSPP's guide says "code - 100", but PSPP's reader and SPSS's own .sav of the same data (foreign_pbc) agree on code - 105.
const BIAS = 105;
const MAX_DATA_BYTES = 1 << 30;

export async function openPcp(source: ByteSource, opts: OpenPcpOptions = {}): Promise<PcpReader> {
	const layout = await readPcpDictionary(source, { encoding: opts.encoding, force: opts.encoding !== undefined });
	const batchRows = Math.max(1, opts.batchRows ?? 20_000);
	return {
		dictionary: layout.dictionary,
		rowCountHint: layout.cases,
		batches: (onProgress) => readCases(source, layout, batchRows, onProgress)
	};
}

async function* readCases(
	source: ByteSource,
	layout: PcpLayout,
	batchRows: number,
	onProgress?: (p: PcpProgress) => void
): AsyncIterable<ColumnBatch> {
	const fail = (reason: string): never => {
		throw new SpssError(source.name, reason);
	};
	const { offset, length } = layout.data;
	if (length > MAX_DATA_BYTES) fail(`data record of ${length} bytes is larger than SPSS/PC+ files get`);
	if (offset + length > source.size) fail(`truncated at byte ${source.size} (the data record ends at byte ${offset + length})`);
	// SPSS/PC+ counts cases in 16 bits, so the data record is small enough to decode in one piece.
	const record = await source.read(offset, length);
	const nextSlot = slotReader(record, layout, (at) =>
		fail(`truncated data record at byte ${offset + at} (${layout.cases} cases expected)`)
	);
	const caseBytes = new Uint8Array(layout.slotsPerCase * 8);
	const caseView = new DataView(caseBytes.buffer);
	let done = 0;
	while (done < layout.cases) {
		const n = Math.min(batchRows, layout.cases - done);
		const columns: Column[] = layout.slots.map((s) => (s.width ? new Array<string | null>(n) : new Float64Array(n)));
		for (let r = 0; r < n; r++) {
			for (let slot = 0; slot < layout.slotsPerCase; slot++) nextSlot(caseBytes, slot * 8);
			layout.slots.forEach((s, c) => {
				if (s.width) (columns[c] as (string | null)[])[r] = layout.text.decode(caseBytes, s.first * 8, s.first * 8 + s.width);
				else {
					const x = caseView.getFloat64(s.first * 8, true);
					(columns[c] as Float64Array)[r] = x === layout.sysmis ? NaN : x;
				}
			});
		}
		done += n;
		onProgress?.({ bytesRead: offset + length, size: source.size, rows: done });
		yield { length: n, columns };
	}
}

/** Fills 8 bytes of the case buffer with the next slot's value: raw, or from bytecode compression. */
function slotReader(record: Uint8Array, layout: PcpLayout, truncated: (at: number) => never): (into: Uint8Array, at: number) => void {
	let pos = 0;
	const take = (): Uint8Array => {
		if (pos + 8 > record.length) truncated(pos);
		pos += 8;
		return record.subarray(pos - 8, pos);
	};
	if (!layout.compressed) return (into, at) => into.set(take(), at);
	let commands: Uint8Array = new Uint8Array(0);
	let next = 8;
	const value = new DataView(new ArrayBuffer(8));
	const valueBytes = new Uint8Array(value.buffer);
	return (into, at) => {
		if (next === 8) {
			commands = take();
			next = 0;
		}
		const code = commands[next++];
		if (code === LITERAL) into.set(take(), at);
		else {
			value.setFloat64(0, code === SYSMIS_CODE ? layout.sysmis : code - BIAS, true);
			into.set(valueBytes, at);
		}
	};
}
