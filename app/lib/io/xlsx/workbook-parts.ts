/** The small parts of a workbook: which part is the first sheet, the date system, date styles, shared strings. */
import { attribute, scanXml, unescapeXml, type XmlHandler } from './xml-scan';
import { openEntry, type ZipEntry } from './zip';
import { XlsxError } from './xlsx-error';

/** Parts bigger than this (uncompressed) are refused before inflating: 512 MiB of XML. */
export const MAX_PART_BYTES = 512 * 1024 * 1024;

/** The zip's entries and the size cap for any one part. */
export interface Workbook {
	file: Blob;
	entries: Map<string, ZipEntry>;
	maxPartBytes: number;
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

export async function scanPart(book: Workbook, path: string, handler: XmlHandler): Promise<void> {
	const entry = book.entries.get(path);
	if (!entry) return;
	const cap = book.maxPartBytes;
	const tooLarge = (what: string) => `${path} is ${what} uncompressed; parts over ${mb(cap)} are refused — save the sheet as CSV`;
	if (entry.size > cap) throw new XlsxError(tooLarge(mb(entry.size)));
	await scanXml(await openEntry(book.file, entry, cap, () => tooLarge(`over ${mb(cap)} (more than its zip header says)`)), handler);
}

export async function firstSheet(book: Workbook): Promise<{ path: string; date1904: boolean }> {
	let rid: string | undefined;
	let date1904 = false;
	await scanPart(book, 'xl/workbook.xml', {
		open(name, attrs) {
			if (name === 'sheet' && rid === undefined) rid = attribute(attrs, 'r:id') ?? attribute(attrs, 'id');
			if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attribute(attrs, 'date1904') ?? '');
		},
		close() {},
		text() {}
	});
	let target: string | undefined;
	await scanPart(book, 'xl/_rels/workbook.xml.rels', {
		open(name, attrs) {
			if (name === 'Relationship' && attribute(attrs, 'Id') === rid) target = attribute(attrs, 'Target');
		},
		close() {},
		text() {}
	});
	const path = target ? (target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`) : 'xl/worksheets/sheet1.xml';
	if (!book.entries.has(path)) throw new XlsxError('the workbook has no worksheet');
	return { path, date1904 };
}

// Built-in number formats that show dates or times (ECMA-376 18.8.30, plus the common East Asian ones).
const BUILTIN_DATES = new Set([
	14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58
]);

function isDateCode(code: string): boolean {
	const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
	return /[dmyhs]/i.test(bare) && !/^(general|@)$/i.test(bare.trim());
}

/** For each cell style index (the `s` of a cell), whether it shows a date. */
export async function dateStyles(book: Workbook): Promise<boolean[]> {
	const custom = new Map<number, string>();
	const styles: boolean[] = [];
	let inXfs = false;
	await scanPart(book, 'xl/styles.xml', {
		open(name, attrs) {
			if (name === 'numFmt') custom.set(Number(attribute(attrs, 'numFmtId')), attribute(attrs, 'formatCode') ?? '');
			else if (name === 'cellXfs') inXfs = true;
			else if (name === 'xf' && inXfs) {
				const id = Number(attribute(attrs, 'numFmtId') ?? 0);
				styles.push(custom.has(id) ? isDateCode(custom.get(id)!) : BUILTIN_DATES.has(id));
			}
		},
		close(name) {
			if (name === 'cellXfs') inXfs = false;
		},
		text() {}
	});
	return styles;
}

/** Shared strings: each `si`'s text runs joined, phonetic guides (`rPh`) left out. */
export async function sharedStrings(book: Workbook): Promise<string[]> {
	const out: string[] = [];
	let current: string[] | null = null;
	let inText = false;
	let phonetic = 0;
	await scanPart(book, 'xl/sharedStrings.xml', {
		open(name, _attrs, selfClosing) {
			if (name === 'si') current = [];
			else if (name === 'rPh') phonetic++;
			else if (name === 't' && !selfClosing) inText = phonetic === 0;
		},
		close(name) {
			if (name === 'si') {
				out.push(current!.join(''));
				current = null;
			} else if (name === 'rPh') phonetic--;
			else if (name === 't') inText = false;
		},
		text(raw) {
			if (inText && current) current.push(unescapeXml(raw));
		}
	});
	return out;
}
