/** Decodes fixed-width SPSS text fields: trailing blanks dropped, bytes decoded with the file's code page. */

export interface FieldDecoder {
	readonly encoding: string;
	/** Text of bytes[start, end) without trailing spaces/NULs; a multibyte char cut at the end is dropped. */
	decode(bytes: Uint8Array, start?: number, end?: number): string;
}

// Encodings whose bytes below 0x80 are always ASCII, so a pure-ASCII field needs no TextDecoder.
const ASCII_COMPATIBLE = /^(utf-8|windows-\d+|iso-8859-\d+|koi8-[ru]|ibm866|gbk|gb18030|big5|euc-kr|euc-jp)$/;

export function createFieldDecoder(encoding: string): FieldDecoder {
	const decoder = new TextDecoder(encoding);
	const asciiFast = ASCII_COMPATIBLE.test(encoding);
	const utf8 = encoding === 'utf-8';
	return {
		encoding,
		decode(bytes, start = 0, end = bytes.length) {
			while (end > start && (bytes[end - 1] === 0x20 || bytes[end - 1] === 0)) end--;
			if (end === start) return '';
			if (utf8) end = completeUtf8End(bytes, start, end);
			if (asciiFast && end - start <= 64) {
				let ascii = true;
				for (let i = start; i < end; i++) if (bytes[i] >= 0x80) { ascii = false; break; }
				if (ascii) return String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
			}
			return decoder.decode(bytes.subarray(start, end));
		}
	};
}

/** End index with an incomplete trailing UTF-8 sequence (cut by a fixed-width field) removed. */
function completeUtf8End(bytes: Uint8Array, start: number, end: number): number {
	let i = end - 1;
	let continuation = 0;
	while (i >= start && (bytes[i] & 0xc0) === 0x80 && continuation < 3) {
		i--;
		continuation++;
	}
	if (i < start) return end;
	const lead = bytes[i];
	const need = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : lead >= 0xc0 ? 1 : 0;
	return need > continuation ? i : end;
}
