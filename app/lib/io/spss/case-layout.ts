/**
 * Where each 8-byte slot of a case goes: a numeric column, or a byte offset inside the row's string
 * buffer. Very long strings keep 255 data bytes per 256-byte segment, so segment k of a variable is
 * written at k * 255 and the segments join into one run of bytes before decoding.
 */

export const SLOT_NUMERIC = 0;
export const SLOT_STRING = 1;

export interface Segment {
	firstSlot: number;
	slots: number;
}

export type ColumnPlan = { kind: 'numeric'; index: number; toEpochMs: boolean } | { kind: 'string'; offset: number; width: number };

export interface CaseLayout {
	slotsPerCase: number;
	slotKind: Uint8Array;
	slotTarget: Int32Array;
	numericCount: number;
	stringRowBytes: number;
	/** One per dictionary variable, in order. */
	columns: ColumnPlan[];
}

export interface LayoutVariable {
	/** 0 for numeric. */
	width: number;
	segments: Segment[];
	toEpochMs: boolean;
}

export function buildCaseLayout(vars: LayoutVariable[], slotsPerCase: number): CaseLayout {
	const slotKind = new Uint8Array(slotsPerCase);
	const slotTarget = new Int32Array(slotsPerCase);
	const columns: ColumnPlan[] = [];
	let numericCount = 0;
	let stringRowBytes = 0;
	for (const v of vars) {
		if (v.width === 0) {
			const slot = v.segments[0].firstSlot;
			slotKind[slot] = SLOT_NUMERIC;
			slotTarget[slot] = numericCount;
			columns.push({ kind: 'numeric', index: numericCount++, toEpochMs: v.toEpochMs });
			continue;
		}
		const offset = stringRowBytes;
		v.segments.forEach((seg, k) => {
			for (let j = 0; j < seg.slots; j++) {
				slotKind[seg.firstSlot + j] = SLOT_STRING;
				slotTarget[seg.firstSlot + j] = offset + k * 255 + j * 8;
			}
		});
		const last = v.segments[v.segments.length - 1];
		stringRowBytes += Math.max(v.width, (v.segments.length - 1) * 255 + last.slots * 8);
		columns.push({ kind: 'string', offset, width: v.width });
	}
	return { slotsPerCase, slotKind, slotTarget, numericCount, stringRowBytes, columns };
}
