/**
 * Everything before the data: file header, variable records, value labels (3/4), documents (6),
 * extension records 7.3, 7.4, 7.7, 7.11, 7.13, 7.14, 7.18, 7.20, 7.21, 7.22 and the terminator (999),
 * as described in the PSPP manual appendix "System File Format".
 */
import type { Dictionary } from '../../../dataset/dictionary';
import { ByteBuilder } from './byte-builder';
import { formatWord, type SavLayout, type VarLayout } from './layout';
import { attributesText, mrSetsText } from './set-records';
import { cutUtf8, utf8, utf8Cut } from './text';
import { HIGHEST, LOWEST, SYSMIS, storedNumber } from './values';

export type Compression = 'none' | 'bytecode' | 'zlib';

export interface HeaderInfo {
	compression: Compression;
	/** -1 when not known up front. */
	rows: number;
	now: Date;
}

/** Byte offset of `ncases` in the file header, for patching once the row count is known. */
export const NCASES_OFFSET = 80;
const VALUE_LABEL_MAX = 120;
const VAR_LABEL_MAX = 256;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MEASURE = { nominal: 1, ordinal: 2, scale: 3 } as const;
const ALIGN = { left: 0, right: 1, center: 2 } as const;

const pad2 = (n: number) => String(n).padStart(2, '0');

function header(b: ByteBuilder, dict: Dictionary, layout: SavLayout, info: HeaderInfo): void {
	const { now } = info;
	b.bytes(utf8(info.compression === 'zlib' ? '$FL3' : '$FL2'));
	b.fixed(utf8('@(#) SPSS DATA FILE Sieve'), 60);
	b.int32(2).int32(layout.caseElements);
	b.int32(info.compression === 'none' ? 0 : info.compression === 'bytecode' ? 1 : 2);
	b.int32(0).int32(info.rows).float64(100);
	b.fixed(utf8(`${pad2(now.getUTCDate())} ${MONTHS[now.getUTCMonth()]} ${pad2(now.getUTCFullYear() % 100)}`), 9);
	b.fixed(utf8(`${pad2(now.getUTCHours())}:${pad2(now.getUTCMinutes())}:${pad2(now.getUTCSeconds())}`), 8);
	b.fixed(utf8Cut(dict.fileLabel ?? '', 64), 64);
	b.fixed(new Uint8Array(0), 3, 0);
}

interface Missing {
	code: number;
	values: number[] | Uint8Array[];
}

function numericMissing(v: VarLayout, warnings: string[]): Missing {
	const m = v.source.missing;
	const discrete: number[] = [];
	for (const x of m?.values ?? []) {
		const n = storedNumber(v.source, x);
		if (n === undefined) warnings.push(`${v.source.name}: missing value "${x}" is not a number; dropped`);
		else discrete.push(n);
	}
	if (m?.range) {
		const lo = m.range[0] === null ? LOWEST : storedNumber(v.source, m.range[0]);
		const hi = m.range[1] === null ? HIGHEST : storedNumber(v.source, m.range[1]);
		if (lo === undefined || hi === undefined) {
			warnings.push(`${v.source.name}: missing range is not numeric; dropped`);
		} else {
			if (discrete.length > 1) warnings.push(`${v.source.name}: a missing range allows one more value; kept ${discrete[0]}`);
			return { code: discrete.length ? -3 : -2, values: [lo, hi, ...discrete.slice(0, 1)] };
		}
	}
	if (discrete.length > 3) warnings.push(`${v.source.name}: at most 3 missing values; kept the first 3`);
	return { code: Math.min(discrete.length, 3), values: discrete.slice(0, 3) };
}

/** String missing values: only their first 8 bytes may be non-blank, so longer ones are dropped. */
function stringMissing(v: VarLayout, warnings: string[]): Uint8Array[] {
	const m = v.source.missing;
	if (m?.range) warnings.push(`${v.source.name}: string variables cannot have a missing range; dropped`);
	const out: Uint8Array[] = [];
	for (const x of m?.values ?? []) {
		const bytes = utf8(String(x));
		if (bytes.length > Math.min(8, v.width)) warnings.push(`${v.source.name}: string missing value "${x}" is longer than 8 bytes; dropped`);
		else if (out.length === 3) warnings.push(`${v.source.name}: at most 3 missing values; dropped "${x}"`);
		else out.push(bytes);
	}
	return out;
}

function variableRecords(b: ByteBuilder, layout: SavLayout, warnings: string[]): void {
	for (const v of layout.vars) {
		v.segments.forEach((seg, k) => {
			const first = k === 0;
			const label = first && v.source.label ? utf8Cut(v.source.label, VAR_LABEL_MAX) : null;
			let missing: Missing = { code: 0, values: [] };
			if (first && v.numeric) missing = numericMissing(v, warnings);
			else if (first && v.width <= 8) {
				const values = stringMissing(v, warnings);
				missing = { code: values.length, values };
			}
			const word = formatWord(v, seg);
			const writeWord = formatWord(v, seg, 'writeFormat');
			b.int32(2)
				.int32(seg.width)
				.int32(label ? 1 : 0)
				.int32(missing.code)
				.int32(word)
				.int32(writeWord);
			b.fixed(utf8(seg.shortName), 8);
			if (label) b.int32(label.length).fixed(label, Math.ceil(label.length / 4) * 4);
			for (const x of missing.values) {
				if (typeof x === 'number') b.float64(x);
				else b.fixed(x, 8);
			}
			for (let e = 1; e < seg.elements; e++) {
				b.int32(2).int32(-1).int32(0).int32(0).int32(word).int32(word).fixed(new Uint8Array(0), 8);
			}
		});
	}
}

function labelEntries(v: VarLayout, warnings: string[]): [string, Uint8Array][] {
	return Object.entries(v.source.valueLabels ?? {}).map(([key, label]) => {
		const bytes = utf8Cut(label, VALUE_LABEL_MAX);
		if (bytes.length < utf8(label).length) warnings.push(`${v.source.name}: value label for "${key}" cut to ${VALUE_LABEL_MAX} bytes`);
		return [key, bytes];
	});
}

function shortValueLabels(b: ByteBuilder, layout: SavLayout, warnings: string[]): void {
	for (const v of layout.vars) {
		if (!v.numeric && v.width > 8) continue;
		const entries: [number | Uint8Array, Uint8Array][] = [];
		for (const [key, label] of labelEntries(v, warnings)) {
			if (v.numeric) {
				const n = storedNumber(v.source, key);
				if (n === undefined) warnings.push(`${v.source.name}: value label key "${key}" is not a number; dropped`);
				else entries.push([n, label]);
			} else {
				const bytes = utf8(key);
				if (bytes.length > v.width) warnings.push(`${v.source.name}: value label key "${key}" is wider than the variable; dropped`);
				else entries.push([bytes, label]);
			}
		}
		if (entries.length === 0) continue;
		b.int32(3).int32(entries.length);
		for (const [value, label] of entries) {
			if (typeof value === 'number') b.float64(value);
			else b.fixed(value, 8);
			b.byte(label.length).fixed(label, Math.ceil((label.length + 1) / 8) * 8 - 1);
		}
		b.int32(4).int32(1).int32(v.dictIndex);
	}
}

/** Document lines are 80 bytes; longer ones continue on the next line rather than being cut. */
function documents(b: ByteBuilder, dict: Dictionary): void {
	const lines: Uint8Array[] = [];
	for (const line of dict.documents ?? []) {
		let rest = utf8(line);
		do {
			const part = cutUtf8(rest, 80);
			lines.push(part);
			rest = rest.subarray(part.length);
		} while (rest.length > 0);
	}
	if (lines.length === 0) return;
	b.int32(6).int32(lines.length);
	for (const line of lines) b.fixed(line, 80);
}

function extension(b: ByteBuilder, subtype: number, size: number, data: Uint8Array): void {
	b.int32(7)
		.int32(subtype)
		.int32(size)
		.int32(data.length / size)
		.bytes(data);
}

function textRecord(b: ByteBuilder, subtype: number, text: string): void {
	if (text.length) extension(b, subtype, 1, utf8(text));
}

function machineRecords(b: ByteBuilder): void {
	const ints = new ByteBuilder();
	for (const x of [1, 0, 0, -1, 1, 1, 2, 65001]) ints.int32(x);
	extension(b, 3, 4, ints.finish());
	const floats = new ByteBuilder().float64(SYSMIS).float64(HIGHEST).float64(LOWEST);
	extension(b, 4, 8, floats.finish());
}

function displayRecord(b: ByteBuilder, layout: SavLayout): void {
	const d = new ByteBuilder();
	for (const v of layout.vars) {
		const measure = MEASURE[v.source.measure as keyof typeof MEASURE] ?? (v.numeric ? 3 : 1);
		const align = ALIGN[v.source.alignment ?? (v.numeric ? 'right' : 'left')];
		const width = v.source.displayWidth ?? (v.numeric ? Math.max(v.format.width, 8) : Math.min(Math.max(v.width, 1), 32));
		// Very long strings get one entry per segment: the file has that many variables until 7.14 joins them.
		for (let k = 0; k < v.segments.length; k++) d.int32(measure).int32(width).int32(align);
	}
	extension(b, 11, 4, d.finish());
}

function longStringLabels(b: ByteBuilder, layout: SavLayout, warnings: string[]): void {
	const d = new ByteBuilder();
	for (const v of layout.vars) {
		if (v.numeric || v.width <= 8) continue;
		const entries = labelEntries(v, warnings).filter(([key]) => {
			const ok = utf8(key).length <= v.width;
			if (!ok) warnings.push(`${v.source.name}: value label key "${key}" is wider than the variable; dropped`);
			return ok;
		});
		if (entries.length === 0) continue;
		const name = utf8(v.longName);
		d.int32(name.length).bytes(name).int32(v.width).int32(entries.length);
		for (const [key, label] of entries) d.int32(v.width).fixed(utf8(key), v.width).int32(label.length).bytes(label);
	}
	if (d.length) extension(b, 21, 1, d.finish());
}

function longStringMissing(b: ByteBuilder, layout: SavLayout, warnings: string[]): void {
	const d = new ByteBuilder();
	for (const v of layout.vars) {
		if (v.numeric || v.width <= 8) continue;
		const values = stringMissing(v, warnings);
		if (values.length === 0) continue;
		const name = utf8(v.longName);
		d.int32(name.length).bytes(name).byte(values.length);
		for (const x of values) d.int32(8).fixed(x, 8);
	}
	if (d.length) extension(b, 22, 1, d.finish());
}

/** The dictionary part of the file, ending with the 999 record; data follows directly. */
export function dictionaryRecords(dict: Dictionary, layout: SavLayout, info: HeaderInfo): Uint8Array {
	const b = new ByteBuilder();
	const warnings = layout.warnings;
	header(b, dict, layout, info);
	variableRecords(b, layout, warnings);
	shortValueLabels(b, layout, warnings);
	documents(b, dict);
	machineRecords(b);
	textRecord(b, 7, mrSetsText(dict, layout));
	displayRecord(b, layout);
	textRecord(b, 13, layout.vars.map((v) => `${v.shortName}=${v.longName}`).join('\t'));
	const veryLong = layout.vars.filter((v) => v.width > 255);
	textRecord(b, 14, veryLong.map((v) => `${v.shortName}=${String(v.width).padStart(5, '0')}\0\t`).join(''));
	textRecord(b, 18, attributesText(layout));
	textRecord(b, 20, 'UTF-8');
	longStringLabels(b, layout, warnings);
	longStringMissing(b, layout, warnings);
	b.int32(999).int32(0);
	return b.finish();
}
