const LF = 10;
const CR = 13;

export interface ScanResult {
	/** Bytes up to the end of the last complete record (after its newline). */
	end: number;
	records: number;
}

/**
 * Finds record boundaries in UTF-8 CSV bytes, honouring quotes, and checks that every record has
 * as many fields as the header. Each call starts at a record boundary.
 */
export function scanRecords(
	bytes: Uint8Array,
	delimiter: number,
	quote: number,
	expectedFields: number,
	final: boolean,
	onRagged: (recordIndex: number, fields: number) => never
): ScanResult {
	let inQuote = false;
	let fields = 1;
	let records = 0;
	let end = 0;
	let recordBytes = 0;
	for (let i = 0; i < bytes.length; i++) {
		const b = bytes[i];
		if (b === quote) inQuote = !inQuote;
		else if (!inQuote) {
			if (b === delimiter) fields++;
			else if (b === LF) {
				if (recordBytes > 0 && fields !== expectedFields) onRagged(records, fields);
				if (recordBytes > 0) records++;
				fields = 1;
				recordBytes = 0;
				end = i + 1;
				continue;
			}
		}
		if (b !== CR) recordBytes++;
	}
	if (final && end < bytes.length && recordBytes > 0) {
		if (fields !== expectedFields) onRagged(records, fields);
		records++;
		end = bytes.length;
	}
	return { end, records };
}
