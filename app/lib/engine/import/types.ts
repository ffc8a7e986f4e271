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
	/** Node only: the file on disk, which DuckDB then reads in place rather than through the Blob. */
	path?: string;
	/** Import a CSV whose rows do not all match the header: pad short rows with missing values, cut long ones. */
	repairRagged?: boolean;
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
	/** CSV rows padded or cut to the header's width because the user chose to import anyway. */
	repairs?: RaggedRepair;
	/** Check settings that come with the data (the demo survey knows its own grids, rules, timings). */
	config?: SieveConfig;
}

/** A CSV line (as an editor numbers it) whose row had `fields` fields. */
export interface RaggedLine {
	line: number;
	fields: number;
}

/** The rows of a CSV file that do not have the header's `expected` fields. */
export interface RaggedRepair {
	expected: number;
	lines: RaggedLine[];
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
