/** Turns raw records into Sieve's Dictionary and the slot layout used to decode cases. */
import type { Dictionary, Measure, MultipleResponseSet, Variable } from '../../dataset/dictionary';
import { parseAttributeSet, parseVariableAttributes, type AttributeSet } from './attribute-records';
import { buildCaseLayout, type CaseLayout, type LayoutVariable, type Segment } from './case-layout';
import { spssSecondsToEpochMs } from './dates';
import { chooseEncoding, type EncodingRequest } from './encoding';
import type { SavHeader } from './header';
import { parseLongStringLabels, parseLongStringMissing } from './long-string-records';
import { parseMrSets } from './mr-set-records';
import { parsePairs } from './name-value-records';
import type { RawDictionary, RawExtension } from './raw-records';
import { RecordBytes } from './record-bytes';
import { SpssError } from './spss-error';
import { createFieldDecoder } from './text-decoder';
import { DBL_MAX, LOWEST_LIMIT, makeVariable, missingFromRecord, segmentVariables, type SegmentVariable } from './variable-records';

export interface BuiltDictionary {
	dictionary: Dictionary;
	layout: CaseLayout;
	/** Values that mean system-missing besides NaN and -DBL_MAX (record 7.4). */
	sysmis: number;
	/** From record 7.16 or the header; -1 when unknown. */
	caseCount: number;
}

interface Draft {
	variable: Variable;
	first: SegmentVariable;
	segments: Segment[];
	shortName: string;
}

const MEASURES: Measure[] = ['unknown', 'nominal', 'ordinal', 'scale'];
const ALIGNMENTS = ['left', 'right', 'center'] as const;
const SPSS_ROLES = ['input', 'target', 'both', 'none', 'partition', 'split'] as const;
export function buildDictionary(header: SavHeader, raw: RawDictionary, file: string, encodingRequest?: EncodingRequest): BuiltDictionary {
	const fail = (reason: string): never => {
		throw new SpssError(file, reason);
	};
	const le = header.littleEndian;
	const warnings: string[] = [];
	const ext = (subtype: number) => raw.extensions.filter((e) => e.subtype === subtype);
	const { encoding, warnings: encodingWarnings } = chooseEncoding(raw.extensions, le, encodingRequest);
	warnings.push(...encodingWarnings);
	const text = createFieldDecoder(encoding);

	const machine = ext(3)[0];
	if (machine && machine.data.length >= 32) {
		const fp = new DataView(machine.data.buffer, machine.data.byteOffset).getInt32(16, le);
		if (fp !== 1) fail(`unsupported floating-point format ${fp} (only IEEE 754 files can be read)`);
	}
	let sysmis = -DBL_MAX;
	let highest = DBL_MAX;
	let lowest = LOWEST_LIMIT;
	const floats = ext(4)[0];
	if (floats && floats.data.length >= 24) {
		const r = new RecordBytes(floats.data, le);
		const [s, h, l] = [r.float64(), r.float64(), r.float64()];
		// Only plausible values are taken: a damaged record must not turn ordinary numbers into SYSMIS.
		if (Number.isNaN(s) || s <= -1e300) sysmis = s;
		else warnings.push(`record 7.4 gives ${s} as SYSMIS; ignored`);
		if (h >= 1e300) highest = h;
		if (l <= -1e300) lowest = l;
	}

	const segVars = segmentVariables(raw.variables, text, fail);
	// The header's slot count is not used: SPSS 13 and ReadStat write wrong ones, the records are right.
	const slotsPerCase = raw.variables.length;

	const longNames = new Map<string, string>();
	for (const e of ext(13)) for (const [k, v] of parsePairs(e.data, text)) if (v) longNames.set(k, v);
	// Files from before SPSS 12 have no long names; like PSPP, show their short names in lower case.
	if (!ext(13).length) for (const sv of segVars) longNames.set(sv.shortName, sv.shortName.toLowerCase());
	const veryLong = new Map<string, number>();
	for (const e of ext(14)) for (const [k, v] of parsePairs(e.data, text)) veryLong.set(k, Number(v));

	const drafts: Draft[] = [];
	for (let i = 0; i < segVars.length; i++) {
		const sv = segVars[i];
		let width = Math.max(0, sv.raw.type);
		let segments: Segment[] = [{ firstSlot: sv.firstSlot, slots: sv.slots }];
		const vlWidth = veryLong.get(sv.shortName);
		if (vlWidth !== undefined && width > 0) {
			const n = Math.ceil(vlWidth / 252);
			const group = segVars.slice(i, i + n);
			if (!(vlWidth > 255 && vlWidth <= 32767) || group.length < n || group.some((g) => g.raw.type <= 0)) {
				warnings.push(`${sv.shortName}: bad very long string width ${vlWidth}, ignored`);
			} else {
				width = vlWidth;
				segments = group.map((g) => ({ firstSlot: g.firstSlot, slots: g.slots }));
				i += n - 1;
			}
		}
		drafts.push({ variable: makeVariable(sv, width, longNames, text, warnings), first: sv, segments, shortName: sv.shortName });
	}
	const vars = drafts.map((d) => d.variable);
	const toColumnUnits = (v: Variable, x: number) => (v.type === 'date' || v.type === 'datetime' ? spssSecondsToEpochMs(x) : x);

	for (const d of drafts) {
		d.variable.missing = missingFromRecord(d.first.raw, d.variable, text, le, { lowest, highest }, toColumnUnits);
	}

	const slotToDraft = new Map<number, Draft>();
	for (const d of drafts) slotToDraft.set(d.segments[0].firstSlot, d);
	const byName = nameLookup(drafts);

	for (const rec of raw.valueLabels) {
		for (const slot of rec.slots) {
			const d = slotToDraft.get(slot - 1);
			if (!d) {
				warnings.push(`value labels at byte ${rec.offset} refer to slot ${slot}, which starts no variable`);
				continue;
			}
			const v = d.variable;
			for (const { value, label } of rec.labels) {
				const key =
					v.type === 'string'
						? text.decode(value)
						: String(toColumnUnits(v, new DataView(value.buffer, value.byteOffset).getFloat64(0, le)));
				v.valueLabels[key] = text.decode(label);
			}
		}
	}

	guarded(ext(11), warnings, (e) => applyDisplay(e, segVars.length, drafts, le));
	// PSPP 1.6 writes the values (not the labels) of record 7.21 in UTF-8 whatever the file's encoding.
	const utf8 = new TextDecoder('utf-8', { fatal: true });
	const longStringValue = (value: Uint8Array): string => {
		if (text.encoding !== 'utf-8' && value.some((b) => b >= 0x80)) {
			try {
				const decoded = utf8.decode(value).replace(/[ \0]+$/, '');
				warnings.push(`a long-string value label value is UTF-8 in a ${text.encoding} file; read as UTF-8`);
				return decoded;
			} catch {
				// not UTF-8: the file's own encoding it is
			}
		}
		return text.decode(value);
	};
	guarded(ext(21), warnings, (e) => {
		const { entries, complete } = parseLongStringLabels(e.data, le);
		for (const entry of entries) {
			const v = byName(text.decode(entry.name));
			if (!v) continue;
			for (const { value, label } of entry.labels) v.valueLabels[longStringValue(value)] = text.decode(label);
		}
		if (!complete) warnings.push(`record 7.21 at byte ${e.offset} ends unexpectedly`);
	});
	guarded(ext(22), warnings, (e) => {
		const { entries, complete } = parseLongStringMissing(e.data, le);
		for (const entry of entries) {
			const v = byName(text.decode(entry.name));
			if (v) v.missing = { values: entry.values.map((b) => text.decode(b)), range: null };
		}
		if (!complete) warnings.push(`record 7.22 at byte ${e.offset} ends unexpectedly`);
	});
	guarded(ext(18), warnings, (e) => {
		if (e.size !== 1) throw new Error(`record 7.18 has element size ${e.size}, expected 1`);
		for (const [name, set] of parseVariableAttributes(text.decode(e.data))) {
			const v = byName(name);
			if (v) applyAttributes(v, set);
		}
	});
	let fileAttributes: AttributeSet | undefined;
	guarded(ext(17), warnings, (e) => {
		if (e.size !== 1) throw new Error(`record 7.17 has element size ${e.size}, expected 1`);
		fileAttributes = { ...fileAttributes, ...parseAttributeSet(text.decode(e.data)).set };
	});
	const mrSets: MultipleResponseSet[] = [];
	guarded([...ext(7), ...ext(19)], warnings, (e) => {
		for (const s of parseMrSets(e.data, text)) {
			const variables = s.variables.map((n) => byName(n)?.name ?? n);
			mrSets.push({
				name: s.name,
				label: s.label,
				kind: s.kind,
				variables,
				...(s.countedValue !== undefined ? { countedValue: s.countedValue } : {})
			});
		}
	});

	let caseCount = header.caseCount;
	guarded(ext(16), warnings, (e) => {
		const r = new RecordBytes(e.data, le);
		r.int64();
		const n = r.int64();
		if (n >= 0) caseCount = n;
	});

	const weightDraft = header.weightIndex > 0 ? slotToDraft.get(header.weightIndex - 1) : undefined;
	const fileLabel = text.decode(header.fileLabel);
	const dictionary: Dictionary = {
		variables: vars,
		encoding: text.encoding,
		fileLabel: fileLabel || null,
		documents: raw.documents.map((line) => text.decode(line)),
		mrSets,
		warnings,
		...(fileAttributes ? { attributes: fileAttributes } : {}),
		weight: weightDraft?.variable.name ?? null
	};
	const layoutVars: LayoutVariable[] = drafts.map((d) => ({
		width: d.variable.type === 'string' ? d.variable.width : 0,
		segments: d.segments,
		toEpochMs: d.variable.type === 'date' || d.variable.type === 'datetime'
	}));
	return { dictionary, layout: buildCaseLayout(layoutVars, slotsPerCase), sysmis, caseCount };
}

function applyDisplay(e: RawExtension, nSegVars: number, drafts: Draft[], le: boolean): void {
	const per = e.count === nSegVars * 3 ? 3 : e.count === nSegVars * 2 ? 2 : 0;
	if (!per || e.size !== 4) throw new Error(`record 7.11 has ${e.count} values for ${nSegVars} variables`);
	const r = new RecordBytes(e.data, le);
	for (const d of drafts) {
		r.pos = d.first.index * per * 4;
		const measure = r.int32();
		const displayWidth = per === 3 ? r.int32() : undefined;
		const alignment = r.int32();
		d.variable.measure = MEASURES[measure] ?? 'unknown';
		if (displayWidth !== undefined) d.variable.displayWidth = displayWidth;
		if (ALIGNMENTS[alignment]) d.variable.alignment = ALIGNMENTS[alignment];
	}
}

function applyAttributes(v: Variable, set: AttributeSet): void {
	const { ['$@Role']: role, ...rest } = set;
	if (role?.length) {
		const r = SPSS_ROLES[Number(role[0])];
		if (r) v.spssRole = r;
	}
	if (Object.keys(rest).length) v.attributes = { ...v.attributes, ...rest };
}

function nameLookup(drafts: Draft[]): (name: string) => Variable | undefined {
	const exact = new Map<string, Variable>();
	const upper = new Map<string, Variable>();
	for (const d of drafts) {
		exact.set(d.variable.name, d.variable);
		upper.set(d.variable.name.toUpperCase(), d.variable);
		if (!upper.has(d.shortName)) upper.set(d.shortName, d.variable);
	}
	return (name) => exact.get(name) ?? upper.get(name.toUpperCase());
}

/** Extension records are optional: one that does not parse becomes a warning, not a failure. */
function guarded(records: RawExtension[], warnings: string[], fn: (e: RawExtension) => void): void {
	for (const e of records) {
		try {
			fn(e);
		} catch (err) {
			const why = err instanceof Error && err.message ? err.message : 'ends unexpectedly';
			warnings.push(`record 7.${e.subtype} at byte ${e.offset}: ${why}`);
		}
	}
}
