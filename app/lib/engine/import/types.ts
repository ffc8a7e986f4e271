import type { Dictionary } from '../../dataset/dictionary';
import type { SieveConfig } from '../checks/config';
import type { Platform } from '../roles/types';

export type FileFormat = 'csv' | 'xlsx' | 'parquet' | 'sav' | 'por' | 'sys' | 'demo';

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** How a CSV file is read; every field is sniffed unless the user overrides it. */
export interface CsvDialect {
	encoding: CsvEncoding;
	delimiter: ',' | ';' | '\t' | '|';
	quote: '"' | "'";
}

export interface ImportOptions {
	/** File name as the user knows it; named in every error message. */
	name: string;
	csv?: Partial<CsvDialect>;
	/** Text encoding override for SPSS files without a usable encoding record. */
	encoding?: string;
	/** Refuse larger files with a clear message (the browser's DuckDB has a 4 GB heap). */
	maxBytes?: number;
}

export interface ImportProgress {
	phase: 'reading' | 'typing' | 'done';
	/** Bytes of the file read so far, out of `total`. */
	done: number;
	total: number;
	rows: number;
}

export interface ImportResult {
	format: FileFormat;
	rows: number;
	dictionary: Dictionary;
	csv?: CsvDialect;
	/** The survey platform whose multi-row header was recognised (Qualtrics, SurveyMonkey). */
	platform?: Platform;
	/** Check settings that come with the data (the demo survey knows its own grids, rules, timings). */
	config?: SieveConfig;
}

/** A file the importer refuses, with a message naming the file and, where it applies, the row. */
export class ImportError extends Error {
	override name = 'ImportError';
	constructor(
		message: string,
		readonly row?: number
	) {
		super(message);
	}
}
