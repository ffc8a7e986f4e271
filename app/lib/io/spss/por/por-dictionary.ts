/**
 * Reads a portable file up to its data: the 464-byte header with the character table, the version
 * record, then the tagged records (product, variables, missing values, labels, documents) until 'F'.
 */
import type { Dictionary, MissingSpec, Variable } from '../../../dataset/dictionary';
import { spssSecondsToEpochMs, varTypeForFormat } from '../dates';
import { byteMap, fileBytes, HEADER_LENGTH, TABLE_OFFSET } from './char-table';
import { readInt, readNumber, readStringBytes, readTag } from './fields';
import { porFormat } from './por-format';
import { PorStrings } from './por-strings';
import type { PorText } from './por-text';

export interface PorDictionary {
	dictionary: Dictionary;
	/** Per variable: string width (0 = numeric). */
	widths: number[];
	/** Per variable: true when values are SPSS seconds to convert to ms since 1970. */
	dates: boolean[];
	strings: PorStrings;
}

type Value = number | Uint8Array;

type PorRecord =
	| { tag: '1' | '2' | '3' | '6'; text: Uint8Array }
	| { tag: '4' | '5'; n: number }
	| { tag: '7'; width: number; name: Uint8Array; print: number[]; write: number[] }
	| { tag: '8' | '9' | 'A'; value: Value }
	| { tag: 'B'; lo: Value; hi: Value }
	| { tag: 'C'; text: Uint8Array }
	| { tag: 'D'; names: Uint8Array[]; labels: [Value, Uint8Array][] }
	| { tag: 'E'; lines: Uint8Array[] }
	| { tag: 'F' };

async function readHeader(t: PorText): Promise<void> {
	while (t.len < HEADER_LENGTH && (await t.more()));
	if (t.len < HEADER_LENGTH) {
		t.fail(`not an SPSS portable file (${t.len} characters; a portable file starts with a ${HEADER_LENGTH}-character header)`);
	}
	const table = t.buf.slice(TABLE_OFFSET, TABLE_OFFSET + 256);
	const tag = fileBytes(table, 'SPSSPORT');
	const at = TABLE_OFFSET + 256;
	if (tag.some((b, i) => t.buf[at + i] !== b)) t.fail('not an SPSS portable file (no SPSSPORT tag after the character table)');
	t.translate(byteMap(table), at + 8, table[126]);
	t.pos = at + 8;
	await t.attempt(() => {
		readTag(t);
		readStringBytes(t);
		readStringBytes(t);
	});
}

function readValue(t: PorText, isString: boolean): Value {
	return isString ? readStringBytes(t).slice() : readNumber(t);
}

function readRecord(t: PorText, lastWidth: number, widthOf: (name: Uint8Array) => number | undefined): PorRecord {
	const start = t.pos;
	const tag = readTag(t);
	switch (tag) {
		case '1':
		case '2':
		case '3':
		case '6':
		case 'C':
			return { tag, text: readStringBytes(t).slice() };
		case '4':
		case '5':
			return { tag, n: readInt(t) };
		case '7': {
			const width = readInt(t);
			const name = readStringBytes(t).slice();
			const print = [readInt(t), readInt(t), readInt(t)];
			const write = [readInt(t), readInt(t), readInt(t)];
			if (width < 0 || width > 255) t.fail(`variable with bad width ${width} at ${t.where(start)}`);
			return { tag, width, name, print, write };
		}
		case '8':
		case '9':
		case 'A':
			return { tag, value: readValue(t, lastWidth > 0) };
		case 'B':
			return { tag, lo: readValue(t, lastWidth > 0), hi: readValue(t, lastWidth > 0) };
		case 'D': {
			const count = readInt(t);
			if (count < 1) t.fail(`value labels for ${count} variables at ${t.where(start)}`);
			const names: Uint8Array[] = [];
			for (let i = 0; i < count; i++) names.push(readStringBytes(t).slice());
			const width = widthOf(names[0]);
			if (width === undefined) t.fail(`value labels for an unknown variable at ${t.where(start)}`);
			const n = readInt(t);
			const labels: [Value, Uint8Array][] = [];
			for (let i = 0; i < n; i++) labels.push([readValue(t, width > 0), readStringBytes(t).slice()]);
			return { tag, names, labels };
		}
		case 'E': {
			const n = readInt(t);
			const lines: Uint8Array[] = [];
			for (let i = 0; i < n; i++) lines.push(readStringBytes(t).slice());
			return { tag, lines };
		}
		case 'F':
			return { tag };
		default:
			return t.fail(`unknown record tag '${tag}' at ${t.where(start)}`);
	}
}

export async function readPorDictionary(t: PorText): Promise<PorDictionary> {
	await readHeader(t);
	const strings = new PorStrings();
	const variables: Variable[] = [];
	const widths: number[] = [];
	const dates: boolean[] = [];
	const warnings: string[] = [];
	const documents: string[] = [];
	const byName = new Map<string, number>();
	const nameText = (b: Uint8Array) => strings.trimmed(b);
	const widthOf = (b: Uint8Array) => {
		const i = byName.get(nameText(b).toUpperCase());
		return i === undefined ? undefined : widths[i];
	};
	const stored = (i: number, v: Value): number | string =>
		typeof v === 'number' ? (dates[i] && !Number.isNaN(v) ? spssSecondsToEpochMs(v) : v) : strings.trimmed(v);

	let declared = -1;
	for (;;) {
		const last = variables.length - 1;
		const rec = await t.attempt(() => readRecord(t, last >= 0 ? widths[last] : 0, widthOf));
		if (rec.tag === 'F') break;
		if ('value' in rec || rec.tag === 'B' || rec.tag === 'C') {
			if (last < 0) t.fail(`record '${rec.tag}' before any variable`);
		}
		const v = variables[last];
		switch (rec.tag) {
			case '4':
				declared = rec.n;
				break;
			case '7': {
				let name = nameText(rec.name);
				if (byName.has(name.toUpperCase())) {
					const renamed = `${name}_${variables.length + 1}`;
					warnings.push(`duplicate variable name ${name} renamed ${renamed}`);
					name = renamed;
				}
				const fmt = porFormat(name, rec.print[0], rec.print[1], rec.print[2], rec.width);
				if (fmt.warning) warnings.push(fmt.warning);
				const type = rec.width > 0 ? 'string' : varTypeForFormat(fmt.type);
				byName.set(name.toUpperCase(), variables.length);
				widths.push(rec.width);
				dates.push(type === 'date' || type === 'datetime');
				variables.push({
					name,
					label: null,
					type,
					width: rec.width > 0 ? rec.width : 8,
					format: fmt.text,
					writeFormat: porFormat(name, rec.write[0], rec.write[1], rec.write[2], rec.width).text,
					measure: 'unknown',
					valueLabels: {},
					missing: { values: [], range: null }
				});
				break;
			}
			case '8':
				v.missing.values.push(stored(last, rec.value));
				break;
			case '9':
			case 'A':
			case 'B': {
				const m: MissingSpec = v.missing;
				if (widths[last] > 0) {
					warnings.push(`${v.name}: missing range on a string variable ignored`);
					break;
				}
				const lo = rec.tag === 'B' ? rec.lo : rec.tag === '9' ? null : rec.value;
				const hi = rec.tag === 'B' ? rec.hi : rec.tag === 'A' ? null : rec.value;
				m.range = [lo === null ? null : (stored(last, lo) as number), hi === null ? null : (stored(last, hi) as number)];
				break;
			}
			case 'C':
				v.label = strings.trimmed(rec.text);
				break;
			case 'D':
				for (const name of rec.names) {
					const i = byName.get(nameText(name).toUpperCase());
					if (i === undefined) {
						warnings.push(`value labels for unknown variable ${nameText(name)} ignored`);
						continue;
					}
					for (const [value, label] of rec.labels) {
						if ((typeof value === 'number') !== (widths[i] === 0)) continue;
						variables[i].valueLabels[String(stored(i, value))] = strings.trimmed(label);
					}
				}
				break;
			case 'E':
				for (const line of rec.lines) documents.push(strings.trimmed(line));
				break;
			default:
				break;
		}
	}
	if (declared >= 0 && declared !== variables.length) {
		warnings.push(`the file declares ${declared} variables but describes ${variables.length}`);
	}
	if (variables.length === 0) t.fail('no variables before the data');
	if (strings.legacy) warnings.push(`portable files declare no encoding: text that is not UTF-8 read as ${strings.encoding} (a guess)`);
	const dictionary: Dictionary = { variables, encoding: strings.encoding, documents, warnings };
	return { dictionary, widths, dates, strings };
}
