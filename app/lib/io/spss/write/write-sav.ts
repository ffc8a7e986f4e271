/**
 * Writes a Dictionary and its column batches as an SPSS system file (.sav / .zsav), UTF-8,
 * streaming: only one ~1 MiB chunk (or one 4 MiB ZLIB block) of case data is held at a time.
 */
import type { Dictionary } from '../../../dataset/dictionary';
import type { ColumnBatch } from '../../batch';
import { dictionaryRecords, NCASES_OFFSET, type Compression } from './dictionary-records';
import { BytecodeElements, RawElements, type ElementSink } from './element-sink';
import { planLayout, type SavLayout } from './layout';
import type { Rename } from './names';
import { ByteBuilder } from './byte-builder';
import { SPSS_EPOCH_OFFSET_SECONDS } from '../dates';
import { SavWriteError } from './write-error';
import { ZlibBlocks, type Deflate } from './zlib-blocks';

export interface SavWriteOptions {
	compression: Compression;
	/** Rows to declare in the header when `batches` is not an array; else -1 or patched later. */
	rowCount?: number;
	/** Creation time written in the header (default: now). */
	now?: Date;
	/** Called after each batch is encoded. */
	onProgress?: (p: { rows: number }) => void;
	/** ZLIB compressor for one block (default: CompressionStream); see nodeDeflate for a faster one in Node. */
	deflate?: Deflate;
}

/** Where the bytes go. With `writeAt` nothing is buffered: the header is patched at the end. */
export interface SavSink {
	write(bytes: Uint8Array): void | Promise<void>;
	writeAt?(offset: number, bytes: Uint8Array): void | Promise<void>;
}

export interface SavWriteReport {
	rows: number;
	bytes: number;
	/** Variables written under another name because theirs is not a valid SPSS name. */
	renamed: Rename[];
	warnings: string[];
}

type Piece = { bytes: Uint8Array; at?: number };
type Batches = AsyncIterable<ColumnBatch> | Iterable<ColumnBatch>;

function int32Bytes(v: number): Uint8Array {
	return new ByteBuilder().int32(v).finish();
}

/** Encodes one batch's rows into `sink`, returning how many string values had to be cut. */
function encodeBatch(layout: SavLayout, batch: ColumnBatch, sink: ElementSink, scratch: Uint8Array[]): number {
	const { vars } = layout;
	if (batch.columns.length !== vars.length) {
		throw new SavWriteError(`batch has ${batch.columns.length} columns, dictionary has ${vars.length} variables`);
	}
	vars.forEach((v, i) => {
		const col = batch.columns[i];
		if (v.numeric !== col instanceof Float64Array) {
			throw new SavWriteError(`${v.source.name}: column is not a ${v.numeric ? 'Float64Array' : 'string array'}`);
		}
	});
	const encoder = new TextEncoder();
	const n = vars.length;
	const isNumeric = vars.map((v) => v.numeric);
	const isDate = vars.map((v) => v.source.type === 'date' || v.source.type === 'datetime');
	const segments = vars.map((v) => v.segments);
	const columns = batch.columns;
	let cut = 0;
	for (let r = 0; r < batch.length; r++) {
		for (let i = 0; i < n; i++) {
			if (isNumeric[i]) {
				const x = (columns[i] as Float64Array)[r];
				sink.number(isDate[i] ? x / 1000 + SPSS_EPOCH_OFFSET_SECONDS : x);
				continue;
			}
			const s = (columns[i] as (string | null)[])[r];
			let len = 0;
			if (s) {
				const res = encoder.encodeInto(s, scratch[i]);
				len = res.written;
				if (res.read < s.length) cut++;
			}
			const segs = segments[i];
			for (let k = 0; k < segs.length; k++) sink.text(scratch[i], len, segs[k].offset, segs[k].width);
		}
	}
	return cut;
}

async function* pieces(
	dict: Dictionary,
	batches: Batches,
	opts: SavWriteOptions,
	seekable: boolean,
	report: SavWriteReport
): AsyncGenerator<Piece> {
	const layout = planLayout(dict);
	report.renamed = layout.renamed;
	const declared = Array.isArray(batches) ? batches.reduce((n: number, b: ColumnBatch) => n + b.length, 0) : (opts.rowCount ?? -1);
	const head = dictionaryRecords(dict, layout, {
		compression: opts.compression,
		rows: declared > 0x7fffffff ? -1 : declared,
		now: opts.now ?? new Date()
	});
	report.warnings = layout.warnings;
	yield { bytes: head };

	const sink = opts.compression === 'none' ? new RawElements() : new BytecodeElements();
	const zlib = opts.compression === 'zlib' ? new ZlibBlocks(head.length, opts.deflate) : null;
	const held: Uint8Array[] = [];
	async function* out(chunks: Uint8Array[]): AsyncGenerator<Piece> {
		for (const c of chunks) {
			if (!zlib) {
				yield { bytes: c };
				continue;
			}
			for (const block of await zlib.push(c)) {
				if (seekable) yield { bytes: block };
				else held.push(block);
			}
		}
	}
	if (zlib && seekable) yield { bytes: new Uint8Array(24) };

	const scratch = layout.vars.map((v) => new Uint8Array(v.width));
	let rows = 0;
	let cut = 0;
	for await (const batch of batches) {
		cut += encodeBatch(layout, batch, sink, scratch);
		rows += batch.length;
		opts.onProgress?.({ rows });
		yield* out(sink.take());
	}
	yield* out(sink.finish());
	if (zlib) {
		const last = await zlib.end();
		if (seekable) {
			for (const block of last) yield { bytes: block };
			yield { bytes: zlib.trailer() };
			yield { bytes: zlib.header(), at: head.length };
		} else {
			// Without seeking, the ZLIB header (which points at the trailer) must precede the blocks.
			yield { bytes: zlib.header() };
			for (const block of [...held, ...last]) yield { bytes: block };
			yield { bytes: zlib.trailer() };
		}
	}
	if (cut) layout.warnings.push(`${cut} string values were longer than their variable's width and were cut`);
	report.rows = rows;
	if (rows !== declared) {
		if (!seekable && declared !== -1) throw new SavWriteError(`declared ${declared} rows but the batches held ${rows}`);
		// Past int32 the header says "unknown" (-1) and readers count the cases themselves.
		if (seekable) yield { bytes: int32Bytes(rows > 0x7fffffff ? -1 : rows), at: NCASES_OFFSET };
	}
}

/** Writes the file into `sink`; resolves when every byte has been handed over. */
export async function writeSav(dict: Dictionary, batches: Batches, opts: SavWriteOptions, sink: SavSink): Promise<SavWriteReport> {
	const report: SavWriteReport = { rows: 0, bytes: 0, renamed: [], warnings: [] };
	for await (const p of pieces(dict, batches, opts, sink.writeAt !== undefined, report)) {
		if (p.at === undefined) {
			await sink.write(p.bytes);
			report.bytes += p.bytes.length;
		} else {
			await sink.writeAt!(p.at, p.bytes);
		}
	}
	return report;
}

/**
 * The file as a stream of chunks in order. ZLIB output keeps its compressed blocks until the end
 * (the header must point at the trailer); use writeSav with a seekable sink to avoid that.
 */
export async function* savChunks(dict: Dictionary, batches: Batches, opts: SavWriteOptions): AsyncGenerator<Uint8Array, SavWriteReport> {
	const report: SavWriteReport = { rows: 0, bytes: 0, renamed: [], warnings: [] };
	for await (const p of pieces(dict, batches, opts, false, report)) {
		report.bytes += p.bytes.length;
		yield p.bytes;
	}
	return report;
}
