import type { ParquetModule } from '../parquet-module';
import type { Deflate } from '../spss/write';
import { csvChunks } from './csv';
import { defaultPageRows, pageRange, readPages } from './pages';
import { parquetChunks } from './parquet';
import { savExportChunks } from './sav';
import type { ExportFormat, ExportOptions, ExportSource } from './types';
import { xlsxBlob } from './xlsx';

export interface ExportDeps {
	/** parquet-wasm, for Parquet (browser or Node loader). */
	parquet?: () => Promise<ParquetModule>;
	/** ZLIB block compressor for .zsav (default CompressionStream). */
	deflate?: Deflate;
}

/**
 * The export file as a stream of byte chunks, the same bytes in the app's worker and in
 * `sieve export`: the caller writes them to a file, OPFS or a Blob.
 * @example for await (const chunk of exportChunks(source, 'csv', deps, { bom: true })) parts.push(chunk);
 */
export async function* exportChunks(
	source: ExportSource,
	format: ExportFormat,
	deps: ExportDeps,
	opts: ExportOptions & { onWarning?: (w: string) => void } = {}
): AsyncGenerator<Uint8Array> {
	const { rows: total } = await pageRange(source);
	const pageRows = opts.pageRows ?? defaultPageRows(source);
	let done = 0;
	const progress = (rows: number) => opts.onProgress?.({ rows, total });
	async function* pages() {
		for await (const page of readPages(source, pageRows)) {
			yield page;
			progress((done += page.length));
		}
	}
	switch (format) {
		case 'csv':
			yield* csvChunks(source.dictionary, pages(), { bom: opts.bom });
			return;
		case 'xlsx': {
			const blob = await xlsxBlob(source.dictionary, pages(), total);
			yield new Uint8Array(await blob.arrayBuffer());
			return;
		}
		case 'parquet': {
			if (!deps.parquet) throw new Error('Parquet export needs parquet-wasm');
			yield* parquetChunks(source, await deps.parquet(), { pageRows, onRows: progress });
			return;
		}
		case 'sav':
		case 'zsav': {
			const gen = savExportChunks(source.dictionary, pages(), { rows: total, zlib: format === 'zsav', deflate: deps.deflate });
			for (let r = await gen.next(); ; r = await gen.next()) {
				if (r.done) {
					for (const x of r.value.renamed) opts.onWarning?.(`variable "${x.from}" is written as "${x.to}" (not a valid SPSS name)`);
					for (const w of r.value.warnings) opts.onWarning?.(w);
					return;
				}
				yield r.value;
			}
		}
	}
}

const EXTENSIONS: Record<string, ExportFormat> = { csv: 'csv', xlsx: 'xlsx', parquet: 'parquet', sav: 'sav', zsav: 'zsav' };

/** The export format a file name asks for, or null for an extension we do not write. */
export function formatOf(fileName: string): ExportFormat | null {
	const m = /\.([a-z]+)$/i.exec(fileName);
	return (m && EXTENSIONS[m[1].toLowerCase()]) ?? null;
}
