import { describe, expect, it } from 'vitest';
import { readSavAll } from '../../../../../app/lib/io/spss/index';
import { savChunks } from '../../../../../app/lib/io/spss/write/index';
import type { Variable } from '../../../../../app/lib/dataset/dictionary';
import { S40K_STORED, sampleBatch, sampleDictionary } from './sample-dictionary';

async function written(compression: 'none' | 'bytecode' | 'zlib'): Promise<Uint8Array> {
	const parts: Uint8Array[] = [];
	for await (const c of savChunks(sampleDictionary, [sampleBatch()], { compression })) parts.push(c);
	return new Uint8Array(Buffer.concat(parts));
}

/** What a variable should look like after the round trip: defaults filled in where we wrote them. */
function expected(v: Variable): Partial<Variable> {
	const numeric = v.type !== 'string';
	return {
		name: v.name,
		label: v.label,
		type: v.type,
		width: v.width,
		format: v.format,
		measure: v.measure === 'unknown' ? (numeric ? 'scale' : 'nominal') : v.measure,
		valueLabels: v.valueLabels,
		missing: v.missing,
		alignment: v.alignment ?? (numeric ? 'right' : 'left')
	};
}

describe.each(['none', 'bytecode', 'zlib'] as const)('writeSav compression=%s, read back by our own reader', (compression) => {
	it('gives back the dictionary', async () => {
		const { dictionary } = await readSavAll(await written(compression), `sample-${compression}.sav`);
		expect(dictionary.warnings).toEqual([]);
		expect(dictionary.encoding.toUpperCase()).toBe('UTF-8');
		expect(dictionary.fileLabel).toBe('Sieve writer test');
		expect(dictionary.documents).toEqual(['First document line', 'Second: ünïcödé', 'ü'.repeat(40), 'ü']);
		dictionary.variables.forEach((v, i) => expect(v).toMatchObject(expected(sampleDictionary.variables[i])));
		expect(dictionary.variables[1].writeFormat).toBe('F12.4');
		expect(dictionary.variables[4].displayWidth).toBe(40);
		expect(dictionary.variables[0].attributes).toEqual(sampleDictionary.variables[0].attributes);
		expect(dictionary.mrSets).toEqual(sampleDictionary.mrSets);
	});

	it('gives back the values; null strings come back blank', async () => {
		const { rows, columns } = await readSavAll(await written(compression), `sample-${compression}.sav`);
		expect(rows).toBe(4);
		const batch = sampleBatch();
		batch.columns.forEach((col, i) => {
			if (col instanceof Float64Array) expect(Array.from(columns[i] as Float64Array)).toEqual(Array.from(col));
			else if (i === 5) expect(columns[i]).toEqual([S40K_STORED, 'abc', 'none', '']);
			else expect(columns[i]).toEqual(col.map((s) => s ?? ''));
		});
	});
});
