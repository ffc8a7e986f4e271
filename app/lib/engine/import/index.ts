import type { ParquetLoader } from '../../io/parquet-module';
import type { SqlDb } from '../sql/db';
import { importCsv } from './csv';
import { importParquet } from './parquet';
import { sniffFormat } from './sniff-format';
import { ImportError, type ImportOptions, type ImportProgress, type ImportResult } from './types';
import { importXlsx } from './xlsx';
import { importSpss } from './spss';

export interface ImportDeps {
	db: SqlDb;
	parquet: ParquetLoader;
}

/**
 * Imports a file into the `data` table, replacing it only when the whole file has been read:
 * rows land in a staging table first, so a failure leaves the previous data untouched.
 */
export async function importFile(
	deps: ImportDeps,
	file: Blob,
	opts: ImportOptions,
	onProgress: (p: ImportProgress) => void = () => {}
): Promise<ImportResult> {
	if (file.size === 0) throw new ImportError(`${opts.name} is empty`);
	if (opts.maxBytes && file.size > opts.maxBytes)
		throw new ImportError(
			`${opts.name} is ${gb(file.size)}; files over ${gb(opts.maxBytes)} are too large to clean in a browser tab — use the sieve command line`
		);
	const head = new Uint8Array(await file.slice(0, 65536).arrayBuffer());
	const format = sniffFormat(head);
	switch (format) {
		case 'csv':
			return importCsv(deps.db, file, opts, onProgress);
		case 'parquet':
			return importParquet(deps.db, file, await deps.parquet(), opts, onProgress);
		case 'xlsx':
			return importXlsx(deps.db, file, opts, onProgress);
		case 'sav':
		case 'por':
		case 'sys':
			return importSpss(deps.db, file, format, opts, onProgress);
		case 'binary':
			throw new ImportError(`${opts.name} is not a CSV, Excel, Parquet or SPSS file (it holds binary data)`);
	}
}

function gb(bytes: number): string {
	return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${Math.round(bytes / 1e6)} MB`;
}

export { ImportError } from './types';
export type { ImportOptions, ImportProgress, ImportResult, CsvDialect } from './types';
