/** Records 7.21 (value labels of strings wider than 8) and 7.22 (their missing values). */
import { RecordBytes, RecordEnd } from './record-bytes';

export interface LongStringLabels {
	name: Uint8Array;
	labels: { value: Uint8Array; label: Uint8Array }[];
}

export interface LongStringMissing {
	name: Uint8Array;
	values: Uint8Array[];
}

/** Parses as many entries as are whole; `complete` is false when the record ends inside one. */
export function parseLongStringLabels(data: Uint8Array, le: boolean): { entries: LongStringLabels[]; complete: boolean } {
	const r = new RecordBytes(data, le);
	const entries: LongStringLabels[] = [];
	try {
		while (!r.done) {
			const name = r.bytes(r.int32());
			r.int32();
			const n = r.int32();
			if (n < 0 || n * 8 > data.length - r.pos) throw new RecordEnd();
			const labels: LongStringLabels['labels'] = [];
			for (let i = 0; i < n; i++) {
				const value = r.bytes(r.int32());
				labels.push({ value, label: r.bytes(r.int32()) });
			}
			entries.push({ name, labels });
		}
	} catch (err) {
		if (!(err instanceof RecordEnd)) throw err;
		return { entries, complete: false };
	}
	return { entries, complete: true };
}

/**
 * SPSS and PSPP write a length before every value; some writers (Medella) write one length for all
 * values of a variable. Both layouts are tried and the one that parses the whole record wins.
 */
export function parseLongStringMissing(data: Uint8Array, le: boolean): { entries: LongStringMissing[]; complete: boolean } {
	const perValue = parseMissing(data, le, true);
	return perValue.complete
		? perValue
		: (() => {
				const shared = parseMissing(data, le, false);
				return shared.complete ? shared : perValue;
			})();
}

function parseMissing(data: Uint8Array, le: boolean, lengthPerValue: boolean): { entries: LongStringMissing[]; complete: boolean } {
	const r = new RecordBytes(data, le);
	const entries: LongStringMissing[] = [];
	try {
		while (!r.done) {
			const name = r.bytes(r.int32());
			const n = r.uint8();
			if (n < 1 || n > 3) throw new RecordEnd();
			const values: Uint8Array[] = [];
			const shared = lengthPerValue ? 0 : r.int32();
			for (let i = 0; i < n; i++) {
				const len = lengthPerValue ? r.int32() : shared;
				if (len !== 8) throw new RecordEnd();
				values.push(r.bytes(len));
			}
			entries.push({ name, values });
		}
	} catch (err) {
		if (!(err instanceof RecordEnd)) throw err;
		return { entries, complete: false };
	}
	return { entries, complete: true };
}
