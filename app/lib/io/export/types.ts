import type { Dictionary } from '../../dataset/dictionary';
import type { SqlDb } from '../../engine/sql/db';

export type ExportFormat = 'csv' | 'xlsx' | 'parquet' | 'sav' | 'zsav';

export type Verdict = 'keep' | 'review' | 'remove';

/** Quality flags of one respondent, as scoring gives them. */
export interface RespondentFlags {
	score: number;
	verdict: Verdict;
}

/** Rows ready to write: `table` has `__row` plus one column per dictionary variable. */
export interface ExportSource {
	db: SqlDb;
	table: string;
	dictionary: Dictionary;
}

export interface ExportOptions {
	/** CSV only: start with a UTF-8 byte-order mark (Excel needs it to read UTF-8). */
	bom?: boolean;
	/** Rows read from DuckDB at a time (default: about 4M cells' worth). */
	pageRows?: number;
	onProgress?: (p: { rows: number; total: number }) => void;
}
