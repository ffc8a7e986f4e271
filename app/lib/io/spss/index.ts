/** Public API of the SPSS system-file reader (.sav / .zsav). */
import type { Dictionary } from '../../dataset/dictionary';
import type { Column } from '../batch';
import { bytesSource } from '../byte-source';
import { openSav, type OpenSavOptions } from './sav-reader';

export { openSav, type OpenSavOptions, type SavProgress, type SavReader } from './sav-reader';
export { SpssError } from './spss-error';
export { formatCode, formatName, parseFormat, printFormat, type FormatSpec } from './formats';
export { epochMsToSpssSeconds, spssSecondsToEpochMs, varTypeForFormat } from './dates';

export interface SavData {
	dictionary: Dictionary;
	rows: number;
	columns: Column[];
}

/** Reads a whole file held in memory; for tests and small files. */
export async function readSavAll(bytes: Uint8Array, name = 'file.sav', opts?: OpenSavOptions): Promise<SavData> {
	const reader = await openSav(bytesSource(bytes, name), opts);
	const parts: Column[][] = reader.dictionary.variables.map(() => []);
	let rows = 0;
	for await (const batch of reader.batches()) {
		batch.columns.forEach((c, i) => parts[i].push(c));
		rows += batch.length;
	}
	const columns = reader.dictionary.variables.map((v, i) => concat(parts[i], rows, v.type === 'string'));
	return { dictionary: reader.dictionary, rows, columns };
}

function concat(parts: Column[], rows: number, isString: boolean): Column {
	if (isString) return (parts as (string | null)[][]).flat();
	const out = new Float64Array(rows);
	let at = 0;
	for (const p of parts as Float64Array[]) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}
