/** Variable records (type 2): strings grouped with their continuation slots, names, formats, missing values. */
import type { MissingSpec, Variable } from '../../dataset/dictionary';
import { varTypeForFormat } from './dates';
import { formatName, printFormat, unpackFormat } from './formats';
import type { RawVariable } from './raw-records';
import type { FieldDecoder } from './text-decoder';

export interface SegmentVariable {
	raw: RawVariable;
	shortName: string;
	firstSlot: number;
	slots: number;
	/** Position among non-continuation records, the index record 7.11 uses. */
	index: number;
}

export const DBL_MAX = Number.MAX_VALUE;
// SPSS writes LOWEST as the double just above -DBL_MAX (-DBL_MAX itself is SYSMIS).
export const LOWEST_LIMIT = -1.7976931348623155e308;

/** Non-continuation records, each with the slots it spans; fails on a broken continuation chain. */
export function segmentVariables(rawVars: RawVariable[], text: FieldDecoder, fail: (r: string) => never): SegmentVariable[] {
	const out: SegmentVariable[] = [];
	for (let i = 0; i < rawVars.length; i++) {
		const raw = rawVars[i];
		if (raw.type === -1) fail(`malformed variable record at byte ${raw.offset}: continuation without a string`);
		const slots = raw.type === 0 ? 1 : Math.ceil(raw.type / 8);
		for (let j = 1; j < slots; j++) {
			if (rawVars[i + j]?.type !== -1) fail(`malformed variable record at byte ${raw.offset}: string continuation missing`);
		}
		out.push({ raw, shortName: text.decode(raw.name).toUpperCase(), firstSlot: i, slots, index: out.length });
		i += slots - 1;
	}
	return out;
}

export function makeVariable(
	sv: SegmentVariable,
	width: number,
	longNames: Map<string, string>,
	text: FieldDecoder,
	warnings: string[]
): Variable {
	const name = longNames.get(sv.shortName) ?? text.decode(sv.raw.name);
	const fmt = (word: number) => {
		const { code, width: w, decimals } = unpackFormat(word);
		const type = formatName(code);
		if (width > 0) return type === 'AHEX' ? `AHEX${width * 2}` : `A${width}`;
		if (!type || type === 'A' || type === 'AHEX') {
			warnings.push(`${name}: unknown format code ${code}, shown as F8.2`);
			return 'F8.2';
		}
		return printFormat({ type, width: w, decimals });
	};
	const format = fmt(sv.raw.print);
	const formatType = /^[A-Z]+/.exec(format)![0];
	return {
		name,
		label: sv.raw.label ? variableLabel(text.decode(sv.raw.label)) : null,
		type: width > 0 ? 'string' : varTypeForFormat(formatType),
		width: width > 0 ? width : 8,
		format,
		writeFormat: fmt(sv.raw.write),
		measure: 'unknown',
		valueLabels: {},
		missing: { values: [], range: null }
	};
}

export function missingFromRecord(
	raw: RawVariable,
	v: Variable,
	text: FieldDecoder,
	le: boolean,
	limits: { lowest: number; highest: number },
	units: (v: Variable, x: number) => number
): MissingSpec {
	if (raw.missingCount === 0) return { values: [], range: null };
	if (v.type === 'string') return { values: raw.missing.map((b) => text.decode(b)), range: null };
	const nums = raw.missing.map((b) => new DataView(b.buffer, b.byteOffset).getFloat64(0, le));
	if (raw.missingCount > 0) return { values: nums.map((x) => units(v, x)), range: null };
	const [lo, hi, extra] = nums;
	const isLowest = lo <= LOWEST_LIMIT || lo === limits.lowest;
	const isHighest = hi >= DBL_MAX || hi === limits.highest;
	return {
		values: extra === undefined ? [] : [units(v, extra)],
		range: [isLowest ? null : units(v, lo), isHighest ? null : units(v, hi)]
	};
}

/** As PSPP (and SPSS) keep them: without leading and trailing blanks; an all-blank label is no label. */
function variableLabel(text: string): string | null {
	return text.replace(/^[ \t\v\r\n\f]+|[ \t\v\r\n\f]+$/g, '') || null;
}
