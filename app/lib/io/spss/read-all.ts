/** Reads a whole system file held in memory into columns; for tests and small files. */
import type { Dictionary } from '../../dataset/dictionary';
import type { Column } from '../batch';
import { bytesSource } from '../byte-source';
import { openSav, type OpenSavOptions } from './sav-reader';

export interface SavData {
	dictionary: Dictionary;
	rows: number;
	columns: Column[];
}

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
