import type { CsvDialect, CsvEncoding } from './types';

const DELIMITERS = [',', ';', '\t', '|'] as const;

export function sniffEncoding(head: Uint8Array): { encoding: CsvEncoding; bom: number } {
	if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
	if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
	if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
	const n = Math.min(head.length, 4096);
	let nulOdd = 0;
	let nulEven = 0;
	for (let i = 0; i < n; i++) if (head[i] === 0) i & 1 ? nulOdd++ : nulEven++;
	if (nulOdd > n / 8) return { encoding: 'utf-16le', bom: 0 };
	if (nulEven > n / 8) return { encoding: 'utf-16be', bom: 0 };
	return { encoding: isUtf8(head) ? 'utf-8' : 'windows-1252', bom: 0 };
}

/** Valid UTF-8, allowing a multibyte character cut off at the end of the sample. */
function isUtf8(bytes: Uint8Array): boolean {
	let end = bytes.length;
	for (let back = 1; back <= 3 && end - back >= 0; back++) {
		const b = bytes[end - back];
		if ((b & 0xc0) !== 0x80) {
			const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
			if (need > back) end -= back;
			break;
		}
	}
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
		return true;
	} catch {
		return false;
	}
}

/** Picks the delimiter that splits the first lines into the most fields most consistently. */
export function sniffDialect(text: string): Pick<CsvDialect, 'delimiter' | 'quote'> {
	const quote = countQuoteStarts(text, "'") > countQuoteStarts(text, '"') ? "'" : '"';
	const lines = splitRecords(text, quote).slice(0, 50);
	if (lines.length > 1 && !text.endsWith('\n')) lines.pop();
	let best: { delimiter: CsvDialect['delimiter']; score: number } = { delimiter: ',', score: -1 };
	for (const d of DELIMITERS) {
		const counts = lines.map((l) => countOutsideQuotes(l, d, quote));
		if (counts[0] === 0) continue;
		const same = counts.filter((c) => c === counts[0]).length;
		const score = (same / counts.length) * 1000 + counts[0];
		if (score > best.score) best = { delimiter: d, score };
	}
	return { delimiter: best.delimiter, quote };
}

function countQuoteStarts(text: string, q: string): number {
	let n = 0;
	for (const d of ['\n', ...DELIMITERS]) n += text.split(d + q).length - 1;
	return n + (text.startsWith(q) ? 1 : 0);
}

function splitRecords(text: string, quote: string): string[] {
	const out: string[] = [];
	let inQuote = false;
	let start = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === quote) inQuote = !inQuote;
		else if (c === '\n' && !inQuote) {
			out.push(text.slice(start, i));
			start = i + 1;
		}
	}
	if (start < text.length) out.push(text.slice(start));
	return out.filter((l) => l.trim() !== '');
}

function countOutsideQuotes(line: string, d: string, quote: string): number {
	let n = 0;
	let inQuote = false;
	for (const c of line) {
		if (c === quote) inQuote = !inQuote;
		else if (c === d && !inQuote) n++;
	}
	return n;
}
