/**
 * The dictionary of an SPSS/PC+ system file (.sys), as documented in PSPP's developer guide
 * ("SPSS/PC+ System File Format"): a 256-byte directory of records, the main header (record 0),
 * 32-byte variable entries (record 1) and the labels they point into (record 2).
 */
import type { Dictionary, Variable } from '../../../dataset/dictionary';
import type { ByteSource } from '../../byte-source';
import { chooseEncoding } from '../encoding';
import { formatName, printFormat, unpackFormat } from '../formats';
import { SpssError } from '../spss-error';
import { createFieldDecoder, type FieldDecoder } from '../text-decoder';

export interface PcpRecord {
	offset: number;
	length: number;
}

export interface PcpLayout {
	dictionary: Dictionary;
	/** Per variable: its first 8-byte slot in a case and its string width (0 = numeric). */
	slots: { first: number; width: number }[];
	slotsPerCase: number;
	cases: number;
	compressed: boolean;
	sysmis: number;
	data: PcpRecord;
	text: FieldDecoder;
}

const DIRECTORY_BYTES = 256;
const HEADER_BYTES = 0xb0;
const VARIABLE_BYTES = 32;
const LABEL_BASE = 7;
const A = 1;

/** True for the first bytes of an SPSS/PC+ system file: directory signature 2, 0 and "SPSS" in the product name. */
export function isPcpHead(head: Uint8Array): boolean {
	if (head.length < 0x108) return false;
	const v = new DataView(head.buffer, head.byteOffset, head.byteLength);
	return v.getUint32(0, true) === 2 && v.getUint32(4, true) === 0 && String.fromCharCode(...head.subarray(0x104, 0x108)) === 'SPSS';
}

export async function readPcpDictionary(source: ByteSource, request: { encoding?: string; force?: boolean }): Promise<PcpLayout> {
	const fail = (reason: string): never => {
		throw new SpssError(source.name, reason);
	};
	const read = async (at: number, length: number, what: string): Promise<DataView> => {
		if (at + length > source.size) fail(`truncated at byte ${source.size} (${what} ends at byte ${at + length})`);
		const bytes = await source.read(at, length);
		return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	};
	if (!isPcpHead(await source.read(0, 0x108))) fail('not an SPSS/PC+ system file');
	const dir = await read(0, DIRECTORY_BYTES, 'the directory');
	const record = (i: number): PcpRecord => ({ offset: dir.getUint32(8 + i * 8, true), length: dir.getUint32(12 + i * 8, true) });
	const [main, vars, labels, data] = [0, 1, 2, 3].map(record);

	if (main.length < HEADER_BYTES) fail(`main header record of ${main.length} bytes (expected ${HEADER_BYTES})`);
	const h = await read(main.offset, HEADER_BYTES, 'the main header');
	const sysmis = h.getFloat64(0x40, true);
	const compressed = h.getUint16(0x52, true);
	const slotsPerCase = h.getUint16(0x54, true);
	const cases = h.getUint16(0x56, true);
	const weightSlot = h.getUint16(0x58, true);
	if (compressed > 1) fail(`unknown compression ${compressed}`);
	if (vars.length < slotsPerCase * VARIABLE_BYTES)
		fail(`variables record of ${vars.length} bytes holds fewer than ${slotsPerCase} variables`);

	const { encoding, warnings } = chooseEncoding([], true, request);
	const text = createFieldDecoder(encoding);
	const bytesOf = (view: DataView, at: number, n: number) => new Uint8Array(view.buffer, view.byteOffset + at, n);
	const fileLabel = text.decode(bytesOf(h, 0x70, 64)) || null;
	const v = await read(vars.offset, slotsPerCase * VARIABLE_BYTES, 'the variables record');
	const l = labels.length ? await read(labels.offset, labels.length, 'the labels record') : new DataView(new ArrayBuffer(0));
	const labelAt = (at: number): { text: string; end: number } => {
		const start = at + LABEL_BASE;
		if (start >= l.byteLength) fail(`label at byte ${labels.offset + start} lies outside the labels record`);
		const n = l.getUint8(start);
		if (start + 1 + n > l.byteLength) fail(`label at byte ${labels.offset + start} runs past the labels record`);
		return { text: text.decode(bytesOf(l, start + 1, n)), end: at + 1 + n };
	};

	const variables: Variable[] = [];
	const slots: PcpLayout['slots'] = [];
	let weight: string | null = null;
	for (let slot = 0; slot < slotsPerCase;) {
		const at = slot * VARIABLE_BYTES;
		const { code, width, decimals } = unpackFormat(v.getUint32(at + 12, true));
		const type = formatName(code);
		if (type !== 'F' && code !== A) fail(`variable at byte ${vars.offset + at} has format code ${code} (SPSS/PC+ uses only F and A)`);
		const stringWidth = code === A ? Math.max(1, width) : 0;
		const name = text.decode(bytesOf(v, at + 16, 8));
		const first = slot;
		slot += stringWidth ? Math.ceil(stringWidth / 8) : 1;
		if (slot > slotsPerCase) fail(`string variable ${name} is wider than the case`);
		if (weightSlot === first + 1) weight = name;
		// $CASENUM, $DATE and $WEIGHT are SPSS/PC+ system variables; PSPP leaves them out too.
		if (name.startsWith('$')) continue;
		const missingRaw = bytesOf(v, at + 24, 8);
		const missing = stringWidth
			? isSysmisBytes(missingRaw, sysmis)
				? null
				: text.decode(missingRaw) || null
			: v.getFloat64(at + 24, true);
		const valueLabels: Record<string, string> = {};
		const [vlStart, vlEnd] = [v.getUint32(at, true), v.getUint32(at + 4, true)];
		for (let p = vlStart; p < vlEnd;) {
			const view = l.byteLength >= p + LABEL_BASE + 8 ? l : fail(`value labels of ${name} run past the labels record`);
			const key = stringWidth ? text.decode(bytesOf(view, p + LABEL_BASE, 8)) : String(view.getFloat64(p + LABEL_BASE, true));
			const label = labelAt(p + 8);
			valueLabels[key] = label.text;
			p = label.end;
		}
		const varLabelAt = v.getUint32(at + 8, true);
		const format = stringWidth ? printFormat({ type: 'A', width: stringWidth, decimals: 0 }) : printFormat({ type: 'F', width, decimals });
		variables.push({
			name,
			label: varLabelAt ? labelAt(varLabelAt).text.trim() || null : null,
			type: stringWidth ? 'string' : 'numeric',
			width: stringWidth || 8,
			format,
			writeFormat: format,
			measure: 'unknown',
			valueLabels,
			missing: {
				values: missing === null || (typeof missing === 'number' && (missing === sysmis || Number.isNaN(missing))) ? [] : [missing],
				range: null
			}
		});
		slots.push({ first, width: stringWidth });
	}
	if (variables.length === 0) fail('no variables');
	return {
		dictionary: { variables, encoding, fileLabel, warnings, weight: weight?.startsWith('$') ? null : weight },
		slots,
		slotsPerCase,
		cases,
		compressed: compressed === 1,
		sysmis,
		data,
		text
	};
}

function isSysmisBytes(bytes: Uint8Array, sysmis: number): boolean {
	return new DataView(bytes.buffer, bytes.byteOffset, 8).getFloat64(0, true) === sysmis;
}
