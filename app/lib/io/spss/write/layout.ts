/**
 * How each dictionary variable becomes variable records and 8-byte case elements: names, formats,
 * and for strings wider than 255 bytes the 255-byte segments of a very long string (record 7.14).
 */
import type { Dictionary, Variable } from '../../../dataset/dictionary';
import { formatCode, packFormat, parseFormat, type FormatSpec } from '../formats';
import { varTypeForFormat } from '../dates';
import { planNames, uniqueShortName, type Rename } from './names';
import { SavWriteError } from './write-error';

export const MAX_STRING_WIDTH = 32767;
/** Bytes of string data carried by each segment of a very long string but the last. */
export const SEGMENT_BYTES = 255;

export interface Segment {
	shortName: string;
	/** Width written in the variable record: 0 numeric, 1..255 string. */
	width: number;
	/** Where this segment's bytes start within the variable's value. */
	offset: number;
	/** 8-byte case elements this segment occupies. */
	elements: number;
}

export interface VarLayout {
	source: Variable;
	longName: string;
	shortName: string;
	numeric: boolean;
	/** String width in bytes (0 for numeric). */
	width: number;
	/** 1-based dictionary index of the variable's first record. */
	dictIndex: number;
	format: FormatSpec;
	writeFormat: FormatSpec;
	segments: Segment[];
}

export interface SavLayout {
	vars: VarLayout[];
	/** 8-byte elements per case (the header's nominal case size). */
	caseElements: number;
	renamed: Rename[];
	warnings: string[];
}

const DEFAULT_FORMAT: Record<string, FormatSpec> = {
	numeric: { type: 'F', width: 8, decimals: 2 },
	date: { type: 'DATE', width: 11, decimals: 0 },
	datetime: { type: 'DATETIME', width: 20, decimals: 0 },
	time: { type: 'TIME', width: 8, decimals: 0 }
};

function numericFormat(v: Variable, text: string | undefined, warnings: string[]): FormatSpec {
	const f = parseFormat(text ?? '');
	const ok =
		f !== undefined &&
		f.type !== 'A' &&
		f.type !== 'AHEX' &&
		f.width >= 1 &&
		f.width <= 40 &&
		f.decimals <= 16 &&
		varTypeForFormat(f.type) === v.type;
	if (ok) return f;
	const fallback = DEFAULT_FORMAT[v.type];
	if (text) warnings.push(`${v.name}: format "${text}" does not fit a ${v.type} variable; wrote ${fallback.type}${fallback.width}`);
	return fallback;
}

export function segmentWidths(width: number): number[] {
	if (width <= 255) return [width];
	const n = Math.ceil(width / 252);
	return [...Array<number>(n - 1).fill(255), width - (n - 1) * 252];
}

export function planLayout(dict: Dictionary): SavLayout {
	const warnings: string[] = [];
	if (dict.variables.length === 0) throw new SavWriteError('cannot write a system file without variables');
	const names = planNames(dict.variables.map((v) => v.name));
	const vars: VarLayout[] = [];
	let dictIndex = 1;
	dict.variables.forEach((v, i) => {
		const numeric = v.type !== 'string';
		const width = numeric ? 0 : Math.round(v.width);
		if (!numeric && !(width >= 1 && width <= MAX_STRING_WIDTH)) {
			throw new SavWriteError(`${v.name}: string width ${v.width} is outside 1..${MAX_STRING_WIDTH}`);
		}
		const widths = numeric ? [0] : segmentWidths(width);
		const segments = widths.map((w, k) => ({
			shortName: k === 0 ? names.short[i] : uniqueShortName(names.short[i], names.taken),
			width: w,
			offset: k * SEGMENT_BYTES,
			elements: w === 0 ? 1 : Math.ceil(w / 8)
		}));
		const format = numeric ? numericFormat(v, v.format, warnings) : { type: 'A', width: Math.min(width, 255), decimals: 0 };
		const writeFormat = numeric && v.writeFormat ? numericFormat(v, v.writeFormat, warnings) : format;
		vars.push({ source: v, longName: names.long[i], shortName: names.short[i], numeric, width, dictIndex, format, writeFormat, segments });
		dictIndex += segments.reduce((n, s) => n + s.elements, 0);
	});
	return { vars, caseElements: dictIndex - 1, renamed: names.renamed, warnings };
}

/** The packed print (or write) format word for one segment. */
export function formatWord(layout: VarLayout, segment: Segment, which: 'format' | 'writeFormat' = 'format'): number {
	if (!layout.numeric) return packFormat(1, segment.width, 0);
	const f = layout[which];
	const code = formatCode(f.type);
	if (code === undefined) throw new SavWriteError(`${layout.source.name}: unknown format ${f.type}`);
	return packFormat(code, f.width, f.decimals);
}
