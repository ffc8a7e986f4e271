import { ROW_COLUMN } from '../../io/arrow-ipc';

export interface HeadRecord {
	line: string;
	/** Byte offset just after the record's newline. */
	end: number;
}

/** The first `max` records of UTF-8 CSV bytes (complete ones, and the last one when the bytes end the file), as text. */
export function readHeadRecords(bytes: Uint8Array, quote: number, max: number, final: boolean): HeadRecord[] {
	const out: HeadRecord[] = [];
	const decoder = new TextDecoder();
	let inQuote = false;
	let start = 0;
	for (let i = 0; i < bytes.length && out.length < max; i++) {
		if (bytes[i] === quote) inQuote = !inQuote;
		else if (bytes[i] === 10 && !inQuote) {
			out.push({ line: decoder.decode(bytes.subarray(start, i)).replace(/\r$/, ''), end: i + 1 });
			start = i + 1;
		}
	}
	if (final && out.length < max && start < bytes.length)
		out.push({ line: decoder.decode(bytes.subarray(start)).replace(/\r$/, ''), end: bytes.length });
	return out;
}

export function splitFields(line: string, d: string, q: string): string[] {
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

export function uniqueNames(raw: string[]): string[] {
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

/** Lines as an editor counts them: LF, CRLF and a lone CR each end one. */
export function countLineBreaks(bytes: Uint8Array): number {
	let n = 0;
	for (let i = 0; i < bytes.length; i++) {
		if (bytes[i] === 10) n++;
		else if (bytes[i] === 13 && bytes[i + 1] !== 10) n++;
	}
	return n;
}
