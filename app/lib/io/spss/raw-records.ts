/**
 * Reads the dictionary records (types 2, 3/4, 6, 7 and 999) as raw bytes; nothing is decoded
 * here because the text encoding is only known once every record has been read.
 */
import { SourceCursor } from './source-cursor';

export interface RawVariable {
	offset: number;
	/** 0 numeric, 1..255 string width, -1 continuation of a long string. */
	type: number;
	print: number;
	write: number;
	name: Uint8Array;
	label: Uint8Array | null;
	/** -3..3 as stored: negative means a range (plus one discrete value for -3). */
	missingCount: number;
	missing: Uint8Array[];
}

export interface RawValueLabels {
	offset: number;
	labels: { value: Uint8Array; label: Uint8Array }[];
	/** 1-based dictionary (slot) indexes. */
	slots: number[];
}

export interface RawExtension {
	offset: number;
	subtype: number;
	size: number;
	count: number;
	data: Uint8Array;
}

export interface RawDictionary {
	variables: RawVariable[];
	valueLabels: RawValueLabels[];
	documents: Uint8Array[];
	extensions: RawExtension[];
	/** File offset of the first byte after the 999 record. */
	dataOffset: number;
}

export async function readRawDictionary(cur: SourceCursor): Promise<RawDictionary> {
	const dict: RawDictionary = { variables: [], valueLabels: [], documents: [], extensions: [], dataOffset: 0 };
	for (;;) {
		const offset = cur.pos;
		const type = await cur.int32();
		if (type === 2) dict.variables.push(await readVariable(cur, offset));
		else if (type === 3) dict.valueLabels.push(await readValueLabels(cur, offset));
		else if (type === 6) dict.documents.push(...(await readDocuments(cur)));
		else if (type === 7) dict.extensions.push(await readExtension(cur, offset));
		else if (type === 999) {
			await cur.int32();
			dict.dataOffset = cur.pos;
			return dict;
		} else if (type === 4) cur.fail(`malformed record at byte ${offset}: value label variables without labels`);
		else cur.fail(`malformed record at byte ${offset}: unknown record type ${type}`);
	}
}

async function readVariable(cur: SourceCursor, offset: number): Promise<RawVariable> {
	const type = await cur.int32();
	const hasLabel = await cur.int32();
	const missingCount = await cur.int32();
	const print = await cur.int32();
	const write = await cur.int32();
	const name = await cur.bytes(8);
	if (type < -1 || type > 255) cur.fail(`malformed variable record at byte ${offset}: type ${type}`);
	if (hasLabel !== 0 && hasLabel !== 1) cur.fail(`malformed variable record at byte ${offset}: label flag ${hasLabel}`);
	if (missingCount < -3 || missingCount > 3 || missingCount === -1) {
		cur.fail(`malformed variable record at byte ${offset}: ${missingCount} missing values`);
	}
	let label: Uint8Array | null = null;
	if (hasLabel) {
		const len = await cur.int32();
		if (len < 0 || len > 65535) cur.fail(`malformed variable record at byte ${offset}: label length ${len}`);
		label = await cur.bytes(len);
		await cur.skip((4 - (len % 4)) % 4);
	}
	const missing: Uint8Array[] = [];
	for (let i = 0; i < Math.abs(missingCount); i++) missing.push(await cur.bytes(8));
	return { offset, type, print, write, name, label, missingCount, missing };
}

async function readValueLabels(cur: SourceCursor, offset: number): Promise<RawValueLabels> {
	const count = await cur.int32();
	if (count < 0) cur.fail(`malformed value label record at byte ${offset}: ${count} labels`);
	if (count * 9 > cur.remaining) cur.truncated();
	const labels: RawValueLabels['labels'] = [];
	for (let i = 0; i < count; i++) {
		const value = await cur.bytes(8);
		const len = await cur.uint8();
		const label = await cur.bytes(len);
		await cur.skip((8 - ((len + 1) % 8)) % 8);
		labels.push({ value, label });
	}
	const next = cur.pos;
	if ((await cur.int32()) !== 4) cur.fail(`malformed record at byte ${next}: value labels not followed by their variables`);
	const n = await cur.int32();
	if (n < 0) cur.fail(`malformed record at byte ${next}: ${n} variables`);
	if (n * 4 > cur.remaining) cur.truncated();
	const slots: number[] = [];
	for (let i = 0; i < n; i++) slots.push(await cur.int32());
	return { offset, labels, slots };
}

async function readDocuments(cur: SourceCursor): Promise<Uint8Array[]> {
	const offset = cur.pos;
	const n = await cur.int32();
	if (n < 0) cur.fail(`malformed document record at byte ${offset}: ${n} lines`);
	if (n * 80 > cur.remaining) cur.truncated();
	const lines: Uint8Array[] = [];
	for (let i = 0; i < n; i++) lines.push(await cur.bytes(80));
	return lines;
}

async function readExtension(cur: SourceCursor, offset: number): Promise<RawExtension> {
	const subtype = await cur.int32();
	const size = await cur.int32();
	const count = await cur.int32();
	const total = size * count;
	if (size < 0 || count < 0) cur.fail(`malformed record 7.${subtype} at byte ${offset}: size ${size} × count ${count}`);
	if (total > cur.remaining) cur.truncated();
	return { offset, subtype, size, count, data: await cur.bytes(total) };
}
