/**
 * Reads a generated 200k-row × 20-column .xlsx with our streaming reader and with read-excel-file
 * (the reader it replaced), then a zip bomb (1 MB of deflate that inflates to a 1 GiB sheet) with
 * both; prints time and peak RSS of each. ROWS=20000 npx tsx bench/xlsx-read.bench.ts for a quick run.
 */
import { readSheet } from 'read-excel-file/universal';
import type { Dictionary } from '../app/lib/dataset/dictionary';
import type { ColumnBatch } from '../app/lib/io/batch';
import { xlsxBlob } from '../app/lib/io/export/xlsx';
import { readFirstSheet } from '../app/lib/io/xlsx';
import { workbookParts, zip } from '../tests/unit/io/xlsx/make-xlsx';
import { SURVEY_DICTIONARY, seededRandom, surveyBatch } from './lib/survey-columns';

const ROWS = Number(process.env.ROWS ?? 200_000);
const BATCH = 20_000;
const PICK = [...Array(15).keys(), 40, 41, 42, 43, 44];
const dictionary: Dictionary = { ...SURVEY_DICTIONARY, variables: PICK.map((i) => SURVEY_DICTIONARY.variables[i]) };

async function* pages(): AsyncIterable<ColumnBatch> {
	const rand = seededRandom();
	for (let start = 0; start < ROWS; start += BATCH) {
		const b = surveyBatch(start, Math.min(BATCH, ROWS - start), rand);
		yield { length: b.length, columns: PICK.map((i) => b.columns[i]) };
	}
}

async function measure(label: string, run: () => Promise<unknown>): Promise<void> {
	global.gc?.();
	const base = process.memoryUsage().rss;
	let peak = base;
	const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
	const started = performance.now();
	let outcome: string;
	try {
		const rows = await run();
		outcome = Array.isArray(rows) ? `${rows.length} rows` : 'done';
	} catch (e) {
		outcome = `refused: ${e instanceof Error ? e.message.split('\n')[0].slice(0, 90) : e}`;
	}
	clearInterval(timer);
	const ms = performance.now() - started;
	console.log(`${label.padEnd(34)} ${(ms / 1000).toFixed(2).padStart(7)} s  peak RSS +${Math.round((peak - base) / 1e6)} MB  ${outcome}`);
}

/** A workbook whose sheet part is one inline string of 1 GiB of "a": about 1 MB once deflated. */
function bomb(): Blob {
	const head = Buffer.from('<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>');
	const tail = Buffer.from('</t></is></c></row></sheetData></worksheet>');
	const xml = Buffer.concat([head, Buffer.alloc(2 ** 30 - head.length - tail.length, 'a'), tail]);
	const parts = workbookParts('');
	parts[2] = { name: parts[2].name, data: xml };
	return zip(parts);
}

const file = await xlsxBlob(dictionary, pages(), ROWS);
console.log(`${ROWS} rows × ${PICK.length} columns: ${(file.size / 1e6).toFixed(1)} MB xlsx`);
await measure('streaming reader (ours)', () => readFirstSheet(file));
await measure('read-excel-file 9.3.17 (before)', () => readSheet(file, { trim: false }));
if (!process.env.NO_BOMB) {
	const b = bomb();
	console.log(`bomb: ${(b.size / 1e6).toFixed(1)} MB xlsx, 1 GiB sheet`);
	await measure('bomb, streaming reader (ours)', () => readFirstSheet(b));
	await measure('bomb, read-excel-file (before)', () => readSheet(b, { trim: false }));
}
