/** Decodes fixed-width SPSS text fields: trailing blanks dropped, bytes decoded with the file's code page. */
import { createTextDecoder } from '../text/decoder';

export interface FieldDecoder {
	readonly encoding: string;
	/** Text of bytes[start, end) without trailing spaces/NULs; a multibyte char cut at the end is dropped. */
	decode(bytes: Uint8Array, start?: number, end?: number): string;
	/** The same for `rows` fields of `width` bytes at `offset` in rows of `stride` bytes. */
	decodeFields(bytes: Uint8Array, stride: number, offset: number, width: number, rows: number): string[];
}

// Encodings whose bytes below 0x80 are always ASCII (so 0x00 is never inside a character).
const ASCII_COMPATIBLE = /^(utf-8|windows-\d+|iso-8859-\d+|koi8-[ru]|ibm866|gbk|gb18030|big5|euc-kr|euc-jp|shift_jis)$/;

export function createFieldDecoder(encoding: string): FieldDecoder {
	const decoder = createTextDecoder(encoding);
	const asciiCompatible = ASCII_COMPATIBLE.test(encoding);
	const utf8 = encoding === 'utf-8';
	let scratch = new Uint8Array(0);

	const trimmedEnd = (bytes: Uint8Array, start: number, end: number): number => {
		while (end > start && (bytes[end - 1] === 0x20 || bytes[end - 1] === 0)) end--;
		return utf8 ? completeUtf8End(bytes, start, end) : end;
	};

	const decode = (bytes: Uint8Array, start = 0, end = bytes.length): string => {
		end = trimmedEnd(bytes, start, end);
		return end === start ? '' : decoder.decode(bytes.subarray(start, end));
	};

	return {
		encoding,
		decode,
		decodeFields(bytes, stride, offset, width, rows) {
			const perField = () => Array.from({ length: rows }, (_, r) => decode(bytes, r * stride + offset, r * stride + offset + width));
			if (!asciiCompatible || rows === 0) return perField();
			// One TextDecoder call per column instead of one per cell: fields joined by NUL, then split.
			if (scratch.length < rows * (width + 1)) scratch = new Uint8Array(rows * (width + 1));
			const joined = scratch;
			let j = 0;
			for (let r = 0; r < rows; r++) {
				const start = r * stride + offset;
				const end = trimmedEnd(bytes, start, start + width);
				for (let i = start; i < end; i++) {
					const b = bytes[i];
					if (b === 0) return perField();
					joined[j++] = b;
				}
				joined[j++] = 0;
			}
			const parts = decoder.decode(joined.subarray(0, j - 1)).split('\0');
			return parts.length === rows ? parts : perField();
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
