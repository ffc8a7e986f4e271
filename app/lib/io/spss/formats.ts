/**
 * SPSS print/write formats: the numeric type codes stored in system files and their names,
 * and the text form used in syntax and in our dictionary ("F8.2", "A12", "DATETIME20").
 */

/** Format type codes as stored in system files (PSPP manual, "System File Format", Variable Record). */
export const FORMAT_CODES: Readonly<Record<number, string>> = Object.freeze({
	1: 'A',
	2: 'AHEX',
	3: 'COMMA',
	4: 'DOLLAR',
	5: 'F',
	6: 'IB',
	7: 'PIBHEX',
	8: 'P',
	9: 'PIB',
	10: 'PK',
	11: 'RB',
	12: 'RBHEX',
	15: 'Z',
	16: 'N',
	17: 'E',
	20: 'DATE',
	21: 'TIME',
	22: 'DATETIME',
	23: 'ADATE',
	24: 'JDATE',
	25: 'DTIME',
	26: 'WKDAY',
	27: 'MONTH',
	28: 'MOYR',
	29: 'QYR',
	30: 'WKYR',
	31: 'PCT',
	32: 'DOT',
	33: 'CCA',
	34: 'CCB',
	35: 'CCC',
	36: 'CCD',
	37: 'CCE',
	38: 'EDATE',
	39: 'SDATE',
	40: 'MTIME',
	41: 'YMDHMS'
});

const CODE_BY_NAME: ReadonlyMap<string, number> = new Map(Object.entries(FORMAT_CODES).map(([code, name]) => [name, Number(code)]));

export interface FormatSpec {
	/** Upper-case format name, e.g. "F", "A", "DATETIME". */
	type: string;
	width: number;
	decimals: number;
}

export function formatName(code: number): string | undefined {
	return FORMAT_CODES[code];
}

export function formatCode(type: string): number | undefined {
	return CODE_BY_NAME.get(type.toUpperCase());
}

/** Formats whose text form never has a decimals part. */
const NO_DECIMALS = new Set(['A', 'AHEX', 'DATE', 'ADATE', 'EDATE', 'SDATE', 'JDATE', 'QYR', 'MOYR', 'WKYR', 'WKDAY', 'MONTH']);

/** Time-like formats show decimals (fractional seconds) only when there are some. */
const OPTIONAL_DECIMALS = new Set(['TIME', 'DTIME', 'MTIME', 'DATETIME', 'YMDHMS']);

/** "F8.2", "F8.0", "A12", "DATE11", "TIME8", "TIME11.2". */
export function printFormat(spec: FormatSpec): string {
	if (NO_DECIMALS.has(spec.type) || (OPTIONAL_DECIMALS.has(spec.type) && spec.decimals === 0)) {
		return `${spec.type}${spec.width}`;
	}
	return `${spec.type}${spec.width}.${spec.decimals}`;
}

/** Parses "F8.2", "a12", "DATETIME20"; undefined when the text is not a known format. */
export function parseFormat(text: string): FormatSpec | undefined {
	const m = /^([A-Za-z]+)(\d+)(?:\.(\d+))?$/.exec(text.trim());
	if (!m) return undefined;
	const type = m[1].toUpperCase();
	if (!CODE_BY_NAME.has(type)) return undefined;
	return { type, width: Number(m[2]), decimals: m[3] === undefined ? 0 : Number(m[3]) };
}

/**
 * Decodes the packed 32-bit format word of a system file:
 * byte 3 (most significant) unused, byte 2 type, byte 1 width, byte 0 decimals.
 */
export function unpackFormat(word: number): { code: number; width: number; decimals: number } {
	return { code: (word >>> 16) & 0xff, width: (word >>> 8) & 0xff, decimals: word & 0xff };
}

export function packFormat(code: number, width: number, decimals: number): number {
	return ((code & 0xff) << 16) | ((width & 0xff) << 8) | (decimals & 0xff);
}
