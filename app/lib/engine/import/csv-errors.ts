import { ImportError } from './types';

/** The longest row Sieve reads (DuckDB's own default is 2 MB): a 10 MB open end still fits. */
export const MAX_ROW_BYTES = 32 * 1024 * 1024;
/** The widest file Sieve reads: DuckDB-WASM's per-column cost makes wider files take hours or run out of memory. */
export const MAX_COLUMNS = 10_000;

/**
 * Turns a failure of DuckDB's CSV reader into one line naming the user's file and, where DuckDB
 * says, the line (DuckDB counts the header's). DuckDB's text (options, our temp file name) never shows.
 */
export function csvReadError(e: unknown, name: string): ImportError {
	const text = e instanceof Error ? e.message : String(e);
	const at = /Line: (\d+)/i.exec(text);
	const line = at ? Number(at[1]) : undefined;
	const where = line ? ` on line ${line}` : '';
	if (/maximum line size/i.test(text))
		return new ImportError(`${name}: the row${where} is longer than ${MAX_ROW_BYTES / 2 ** 20} MB, the most Sieve reads in one row`, line);
	if (/unterminated quote/i.test(text)) return new ImportError(`${name}: a quoted field opened${where} is never closed`, line);
	if (/out of memory|memory limit|could not allocate/i.test(text))
		return new ImportError(`${name} is too large to read in the memory available here — try the sieve command line`);
	if (/invalid unicode|utf-?8/i.test(text))
		return new ImportError(`${name}: the text${where} is not valid in the file's encoding — choose the encoding by hand`, line);
	return new ImportError(`${name} could not be read as CSV${where}`, line);
}
