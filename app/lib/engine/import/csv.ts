import type { SqlDb } from '../sql/db';
import { quoteIdent } from '../sql/quote';
import { ROW_COLUMN } from '../../io/arrow-ipc';
import { sniffDialect, sniffEncoding } from './csv-sniff';
import { countLineBreaks, readHeadRecords, splitFields, uniqueNames } from './csv-head';
import { csvReadError, MAX_COLUMNS, MAX_ROW_BYTES } from './csv-errors';
import { EXTRA_FIELDS, settleRaggedRows } from './csv-ragged';
import { refuseUnclosedQuote } from './csv-unclosed';
import { FIELDS_COLUMN, STAGING_TABLE, finishImport } from './finish';
import { HEADER_ROWS, finishPlatform, platformHeader } from './platform';
import { transcodeToUtf8 } from './transcode';
import { ImportError, type CsvDialect, type ImportOptions, type ImportProgress, type ImportResult } from './types';
import { createTextDecoder } from '../../io/text/decoder';

const SOURCE_FILE = 'sieve-import-source.csv';
const HEAD_BYTES = 1024 * 1024;
const NO_NULL_STRING = '\u0001\u0002sieve\u0003';

/**
 * Reads a CSV file with DuckDB's own reader, straight from the file: our sniffing picks the encoding,
 * delimiter, quote and header rows; every row lands as text in staging, then is typed over all rows.
 */
export async function importCsv(
	db: SqlDb,
	file: Blob,
	opts: ImportOptions,
	onProgress: (p: ImportProgress) => void
): Promise<ImportResult> {
	const sniffHead = new Uint8Array(await file.slice(0, 65536).arrayBuffer());
	const sniffed = sniffEncoding(sniffHead);
	const encoding = opts.csv?.encoding ?? sniffed.encoding;
	const overridden = opts.csv?.encoding !== undefined && opts.csv.encoding !== sniffed.encoding;
	const utf8 = encoding === 'utf-8' ? file : await transcodeToUtf8(file, encoding, overridden ? 0 : sniffed.bom);
	const bom = encoding === 'utf-8' && !overridden ? sniffed.bom : 0;
	const dialect: CsvDialect = {
		encoding,
		...sniffDialect(createTextDecoder(encoding).decode(sniffHead.subarray(overridden ? 0 : sniffed.bom))),
		...stripUndefined(opts.csv)
	};
	onProgress({ phase: 'reading', done: 0, total: file.size, rows: 0 });

	const head = await readHeader(utf8, bom, dialect, opts.name);
	await db.registerFile(SOURCE_FILE, utf8 === file && opts.path ? { path: opts.path } : utf8);
	try {
		await loadStaging(db, head.names, head.records, dialect, opts.name);
	} finally {
		await db.dropFile(SOURCE_FILE);
	}
	const rows = Number((await db.query(`SELECT count(*) AS n FROM ${STAGING_TABLE}`)).get(0)!.n);
	if (rows === 0) {
		await db.exec(`DROP TABLE ${STAGING_TABLE}`);
		throw new ImportError(`${opts.name} has a header but no data rows`);
	}
	await refuseUnclosedQuote(db, utf8, { name: opts.name, quote: dialect.quote, rows, headerLines: head.lines });
	const ragged = await settleRaggedRows(db, {
		name: opts.name,
		expected: head.names.length,
		headerLines: head.lines,
		repair: opts.repairRagged
	});
	onProgress({ phase: 'reading', done: file.size, total: file.size, rows });
	const typed = await finishImport(db, { encoding: dialect.encoding, inferTypes: true }, (p) => onProgress({ ...p, rows }));
	const dictionary = await finishPlatform(db, typed, head.plan);
	return {
		format: 'csv',
		rows,
		dictionary,
		csv: dialect,
		...(head.plan ? { platform: head.plan.platform } : {}),
		...(ragged ? { repairs: ragged } : {})
	};
}

/** The header row(s): column names, the platform's plan, and how many records and lines they span. */
async function readHeader(file: Blob, bom: number, dialect: CsvDialect, name: string) {
	const quote = dialect.quote.charCodeAt(0);
	for (let size = HEAD_BYTES; ; size *= 4) {
		const bytes = new Uint8Array(await file.slice(bom, bom + size).arrayBuffer());
		const final = bom + size >= file.size;
		const records = readHeadRecords(bytes, quote, HEADER_ROWS, final);
		if (records.length === 0 || (records.length < HEADER_ROWS && !final)) {
			if (final) throw new ImportError(`${name}: the header row never ends`);
			if (size >= MAX_ROW_BYTES) throw new ImportError(`${name}: the header row is longer than ${MAX_ROW_BYTES / 2 ** 20} MB`);
			continue;
		}
		if (records[0].line.trim() === '') throw new ImportError(`${name}: the first line is empty; expected a header row`);
		const [first, ...next] = records.map((r) => splitFields(r.line, dialect.delimiter, dialect.quote));
		if (first.length > MAX_COLUMNS)
			throw new ImportError(
				`${name} has ${first.length.toLocaleString('en')} columns; Sieve reads at most ${MAX_COLUMNS.toLocaleString('en')}`
			);
		const plan = platformHeader(first, next);
		const headerRecords = plan ? plan.extraRows + 1 : 1;
		const end = records[headerRecords - 1].end;
		// read_csv's skip counts records; editors count lines, which a quoted header cell may break
		return { names: uniqueNames(plan ? plan.names : first), plan, records: headerRecords, lines: countLineBreaks(bytes.subarray(0, end)) };
	}
}

async function loadStaging(db: SqlDb, names: string[], skip: number, d: CsvDialect, name: string): Promise<void> {
	const raw = Array.from({ length: names.length + EXTRA_FIELDS }, (_, i) => `c${i}`);
	const columns = raw.map((c) => `'${c}': 'VARCHAR'`).join(', ');
	const named = names.map((n, i) => `nullif(c${i}, '') AS ${quoteIdent(n)}`).join(', ');
	const last = names.length - 1;
	// buffer_size would default to 16 × max_line_size (512 MB of buffers); twice the row cap suffices.
	// null_padding pads a short row with NULLs while a NULL string no survey holds keeps a real empty
	// field '', so a NULL in the last header column or a value past it marks a ragged row.
	const fields = `CASE WHEN c${last} IS NULL OR c${last + 1} IS NOT NULL THEN len(list_filter([${raw.join(', ')}], x -> x IS NOT NULL)) END`;
	await db.exec(`DROP TABLE IF EXISTS ${STAGING_TABLE}`);
	try {
		await db.query(
			`CREATE TABLE ${STAGING_TABLE} AS SELECT (row_number() OVER ())::INTEGER AS ${ROW_COLUMN}, ${named}, ${fields} AS ${FIELDS_COLUMN}
			 FROM read_csv(?, auto_detect = false, header = false, skip = ?, delim = ?, quote = ?, escape = ?,
			   strict_mode = false, null_padding = true, parallel = false, max_line_size = ?, buffer_size = ?, nullstr = ?,
			   columns = {${columns}})`,
			[SOURCE_FILE, skip, d.delimiter, d.quote, d.quote, MAX_ROW_BYTES, 2 * MAX_ROW_BYTES, NO_NULL_STRING]
		);
	} catch (e) {
		await db.exec(`DROP TABLE IF EXISTS ${STAGING_TABLE}`);
		throw csvReadError(e, name);
	}
}

function stripUndefined<T extends object>(o: T | undefined): Partial<T> {
	return Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}
