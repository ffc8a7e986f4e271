/** Opens a system file (.sav / .zsav): reads the dictionary, then streams the cases as column batches. */
import type { Dictionary } from '../../dataset/dictionary';
import type { Column, ColumnBatch } from '../batch';
import type { ByteSource } from '../byte-source';
import { buildDictionary } from './build-dictionary';
import type { CaseLayout } from './case-layout';
import { CaseDecoder, type RawBatch } from './case-decoder';
import { plainChunks, zlibChunks } from './data-chunks';
import { spssSecondsToEpochMs } from './dates';
import { readHeader } from './header';
import { readRawDictionary } from './raw-records';
import { SourceCursor } from './source-cursor';
import { SpssError } from './spss-error';
import { createFieldDecoder, type FieldDecoder } from './text-decoder';

export interface SavProgress {
	bytesRead: number;
	size: number;
	rows: number;
}

export interface SavReader {
	dictionary: Dictionary;
	/** Row count the file states (or implies); null when unknown. The data may hold fewer. */
	rowCountHint: number | null;
	batches(onProgress?: (p: SavProgress) => void): AsyncIterable<ColumnBatch>;
}

export interface OpenSavOptions {
	/** Text encoding for files that declare none ("windows-1251", "CP932", "UTF-8"). */
	encoding?: string;
	/** Use `encoding` even when the file declares another (files that declare one code page and hold another). */
	forceEncoding?: boolean;
	/** Rows per batch; default 20,000. */
	batchRows?: number;
	/** Bytes per read of the data section; default 2 MB. */
	readWindow?: number;
}

export async function openSav(source: ByteSource, opts: OpenSavOptions = {}): Promise<SavReader> {
	const cur = new SourceCursor(source);
	const { header, built } = await guard(source, async () => {
		const header = await readHeader(cur);
		const raw = await readRawDictionary(cur);
		return {
			header,
			built: {
				...buildDictionary(header, raw, source.name, { encoding: opts.encoding, force: opts.forceEncoding }),
				dataOffset: raw.dataOffset
			}
		};
	});
	const { dictionary, layout, sysmis, caseCount, dataOffset } = built;
	const caseBytes = layout.slotsPerCase * 8;
	let rowCountHint: number | null = caseCount >= 0 ? caseCount : null;
	if (rowCountHint === null && header.compression === 'none' && caseBytes > 0) {
		rowCountHint = Math.floor((source.size - dataOffset) / caseBytes);
	}
	const text = createFieldDecoder(dictionary.encoding);
	const batchRows = Math.max(1, Math.min(opts.batchRows ?? 20_000, caseBytes > 0 ? Math.ceil((64 << 20) / caseBytes) : 1));

	async function* batches(onProgress?: (p: SavProgress) => void): AsyncGenerator<ColumnBatch> {
		const inner = decodeBatches(onProgress);
		for (;;) {
			const next = await guard(source, () => inner.next());
			if (next.done) return;
			yield next.value;
		}
	}

	async function* decodeBatches(onProgress?: (p: SavProgress) => void): AsyncGenerator<ColumnBatch> {
		let bytesRead = dataOffset;
		let rows = 0;
		const onRead = (pos: number) => {
			bytesRead = pos;
		};
		const chunks =
			header.compression === 'zlib'
				? zlibChunks(source, dataOffset, header.littleEndian, onRead, opts.readWindow)
				: plainChunks(source, dataOffset, onRead, opts.readWindow);
		const decoder = new CaseDecoder(layout, {
			compressed: header.compression !== 'none',
			bias: header.bias,
			sysmis,
			littleEndian: header.littleEndian,
			batchRows
		});
		const emit = () => {
			const batch = toColumnBatch(decoder.take(), layout, text);
			rows += batch.length;
			onProgress?.({ bytesRead, size: source.size, rows });
			return batch;
		};
		const iterator = chunks[Symbol.asyncIterator]();
		try {
			for (;;) {
				const next = await iterator.next();
				if (next.done) break;
				let rest = next.value;
				// A full batch can stop the decoder mid command block; it resumes on the next feed.
				for (rest = decoder.feed(rest); decoder.full; rest = decoder.feed(rest)) yield emit();
				if (decoder.ended) break;
			}
			// Codes left in the last command block need no more input but may still complete rows.
			for (decoder.feed(new Uint8Array(0)); decoder.full; decoder.feed(new Uint8Array(0))) yield emit();
			if (!decoder.ended && decoder.partial) {
				throw new SpssError(source.name, `truncated at byte ${source.size} (inside case ${rows + decoder.rows + 1})`);
			}
			if (decoder.rows > 0) yield emit();
			else onProgress?.({ bytesRead: source.size, size: source.size, rows });
			if (caseCount >= 0 && caseCount !== rows) {
				dictionary.warnings.push(`the file says ${caseCount} cases but holds ${rows}`);
			}
		} finally {
			await iterator.return?.(undefined);
		}
	}

	return { dictionary, rowCountHint, batches };
}

function toColumnBatch(raw: RawBatch, layout: CaseLayout, text: FieldDecoder): ColumnBatch {
	const n = raw.rows;
	const columns: Column[] = layout.columns.map((plan) => {
		if (plan.kind === 'numeric') {
			const full = raw.numeric[plan.index];
			const col = n === full.length ? full : full.slice(0, n);
			if (plan.toEpochMs) for (let i = 0; i < n; i++) col[i] = spssSecondsToEpochMs(col[i]);
			return col;
		}
		return text.decodeFields(raw.strings, layout.stringRowBytes, plan.offset, plan.width, n);
	});
	return { length: n, columns };
}

/** Anything unexpected while parsing untrusted bytes becomes an SpssError naming the file. */
async function guard<T>(source: ByteSource, fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (err) {
		if (err instanceof SpssError) throw err;
		const why =
			err instanceof RangeError
				? 'malformed file (a length or count is out of range)'
				: `malformed file (${err instanceof Error ? err.message : String(err)})`;
		throw new SpssError(source.name, why);
	}
}
