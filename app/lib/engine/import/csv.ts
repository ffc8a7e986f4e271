import type { SqlDb } from '../sql/db';
import { quoteIdent } from '../sql/quote';
import { ROW_COLUMN } from '../../io/arrow-ipc';
import { sniffDialect, sniffEncoding } from './csv-sniff';
import { scanRecords } from './csv-records';
import { STAGING_TABLE, finishImport } from './finish';
import { HEADER_ROWS, finishPlatform, platformHeader, type HeaderPlan } from './platform';
import { ImportError, type CsvDialect, type ImportOptions, type ImportProgress, type ImportResult } from './types';

const SLICE = 8 * 1024 * 1024;
const CHUNK_FILE = 'sieve-import-chunk.csv';

/**
 * Streams a CSV file into DuckDB in slices: bytes are transcoded to UTF-8, cut at record
 * boundaries, checked for ragged rows, loaded as text, then typed over all rows (not a sample).
 */
export async function importCsv(
	db: SqlDb,
	file: Blob,
	opts: ImportOptions,
	onProgress: (p: ImportProgress) => void
): Promise<ImportResult> {
	const head = new Uint8Array(await file.slice(0, 65536).arrayBuffer());
	const sniffed = sniffEncoding(head);
	const encoding = opts.csv?.encoding ?? sniffed.encoding;
	const bom = opts.csv?.encoding && opts.csv.encoding !== sniffed.encoding ? 0 : sniffed.bom;
	const decoder = encoding === 'utf-8' ? null : new TextDecoder(encoding);
	const headText = new TextDecoder(encoding).decode(head.subarray(bom));
	const dialect: CsvDialect = { encoding, ...sniffDialect(headText), ...stripUndefined(opts.csv) };
	const delimiter = dialect.delimiter.charCodeAt(0);
	const quote = dialect.quote.charCodeAt(0);
	const encoder = new TextEncoder();

	let header: string[] | null = null;
	let plan: HeaderPlan | null = null;
	let carry: Uint8Array = new Uint8Array(0);
	let rows = 0;
	let offset = bom;
	while (offset < file.size || carry.length > 0) {
		const raw = new Uint8Array(await file.slice(offset, offset + SLICE).arrayBuffer());
		offset += raw.length;
		const final = offset >= file.size;
		const text = decoder ? encoder.encode(decoder.decode(raw, { stream: !final })) : raw;
		let bytes = concat(carry, text);
		if (!header) {
			const head = readHeadRecords(bytes, quote, final);
			if (head.length === 0 || (head.length < HEADER_ROWS && !final && bytes.length < 64 * SLICE)) {
				carry = bytes;
				if (final) throw new ImportError(`${opts.name}: the header row never ends`);
				continue;
			}
			const [first, ...next] = head.map((r) => splitFields(r.line, dialect.delimiter, dialect.quote));
			if (head[0].line.trim() === '') throw new ImportError(`${opts.name}: the first line is empty; expected a header row`);
			plan = platformHeader(first, next);
			header = uniqueNames(plan ? plan.names : first);
			await createStaging(db, header);
			bytes = bytes.subarray(head[plan ? plan.extraRows : 0].end);
		}
		const body = bytes;
		const scan = scanRecords(body, delimiter, quote, header.length, final, (index, fields) => {
			const row = rows + index + 1;
			throw new ImportError(
				`${opts.name}: row ${row} has ${fields} fields but the header has ${header!.length}`,
				row
			);
		});
		if (scan.records > 0) {
			await loadChunk(db, body.subarray(0, scan.end), dialect, header.length, rows);
			rows += scan.records;
		}
		carry = body.subarray(scan.end);
		onProgress({ phase: 'reading', done: offset, total: file.size, rows });
		if (final) {
			if (carry.length > 0 && !isBlank(carry))
				throw new ImportError(`${opts.name}: a quoted field opened after row ${rows} is never closed`, rows + 1);
			break;
		}
		if (scan.records === 0 && carry.length > 64 * SLICE)
			throw new ImportError(`${opts.name}: row ${rows + 1} is longer than 512 MB (an unclosed quote?)`, rows + 1);
	}
	if (!header) throw new ImportError(`${opts.name} is empty`);
	if (rows === 0) throw new ImportError(`${opts.name} has a header but no data rows`);
	const typed = await finishImport(db, { encoding: dialect.encoding, inferTypes: true }, (p) =>
		onProgress({ ...p, rows })
	);
	const dictionary = await finishPlatform(db, typed, plan);
	return { format: 'csv', rows, dictionary, csv: dialect, ...(plan ? { platform: plan.platform } : {}) };
}

function stripUndefined<T extends object>(o: T | undefined): Partial<T> {
	return Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
	if (a.length === 0) return b;
	const out = new Uint8Array(a.length + b.length);
	out.set(a);
	out.set(b, a.length);
	return out;
}

function isBlank(bytes: Uint8Array): boolean {
	return bytes.every((b) => b === 10 || b === 13 || b === 32);
}

/** The first records of the file (complete ones, and the last one when the file ends), as text. */
function readHeadRecords(bytes: Uint8Array, quote: number, final: boolean): { line: string; end: number }[] {
	const out: { line: string; end: number }[] = [];
	const decoder = new TextDecoder();
	let inQuote = false;
	let start = 0;
	for (let i = 0; i < bytes.length && out.length < HEADER_ROWS; i++) {
		if (bytes[i] === quote) inQuote = !inQuote;
		else if (bytes[i] === 10 && !inQuote) {
			out.push({ line: decoder.decode(bytes.subarray(start, i)).replace(/\r$/, ''), end: i + 1 });
			start = i + 1;
		}
	}
	if (final && out.length < HEADER_ROWS && start < bytes.length)
		out.push({ line: decoder.decode(bytes.subarray(start)).replace(/\r$/, ''), end: bytes.length });
	return out;
}

function splitFields(line: string, d: string, q: string): string[] {
	const out: string[] = [];
	let cur = '';
	let inQuote = false;
	for (let i = 0; i < line.length; i++) {
		const c = line[i];
		if (c === q) {
			if (inQuote && line[i + 1] === q) {
				cur += q;
				i++;
			} else inQuote = !inQuote;
		} else if (c === d && !inQuote) {
			out.push(cur);
			cur = '';
		} else cur += c;
	}
	out.push(cur);
	return out;
}

function uniqueNames(raw: string[]): string[] {
	const seen = new Set<string>();
	return raw.map((r, i) => {
		let name = r.trim() || `column_${i + 1}`;
		if (name === ROW_COLUMN) name = `${name}_`;
		const base = name;
		for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${base}_${k}`;
		seen.add(name.toLowerCase());
		return name;
	});
}

async function createStaging(db: SqlDb, names: string[]): Promise<void> {
	await db.exec(`DROP TABLE IF EXISTS ${STAGING_TABLE}`);
	const cols = names.map((n) => `${quoteIdent(n)} VARCHAR`).join(', ');
	await db.exec(`CREATE TABLE ${STAGING_TABLE} (${ROW_COLUMN} INTEGER, ${cols})`);
}

async function loadChunk(db: SqlDb, bytes: Uint8Array, d: CsvDialect, fields: number, before: number) {
	await db.registerBuffer(CHUNK_FILE, bytes);
	try {
		const positional = Array.from({ length: fields }, (_, i) => `c${i}`);
		const columns = positional.map((c) => `'${c}': 'VARCHAR'`).join(', ');
		await db.query(
			`INSERT INTO ${STAGING_TABLE} SELECT (? + row_number() OVER ())::INTEGER, ${positional.join(', ')}
			 FROM read_csv(?, auto_detect = false, header = false, delim = ?, quote = ?, escape = ?,
			   columns = {${columns}})`,
			[before, CHUNK_FILE, d.delimiter, d.quote, d.quote]
		);
	} finally {
		await db.dropFile(CHUNK_FILE);
	}
}
