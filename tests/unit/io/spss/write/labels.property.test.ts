import * as fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dictionary, MissingSpec } from '../../../../../app/lib/dataset/dictionary';
import { readSavAll } from '../../../../../app/lib/io/spss/index';
import { savChunks } from '../../../../../app/lib/io/spss/write/index';
import { runPspp } from './pspp-oracle';
import { variable } from './sample-dictionary';

const dir = mkdtempSync(path.join(tmpdir(), 'sieve-sav-labels-'));
const encoder = new TextEncoder();
const bytes = (s: string) => encoder.encode(s).length;

/** Printable text without trailing blanks (readers trim them), as labels and string codes are. */
const word = (max: number) =>
	fc
		.string({ unit: 'binary-ascii', minLength: 1, maxLength: max })
		.chain((a) => fc.constantFrom(a, `${a}é`, `日${a}`))
		// eslint-disable-next-line no-control-regex -- control characters are what the generator must avoid
		.map((s) => s.replace(/[\u0000-\u001f]/g, 'x').replace(/ +$/, '') || 'x');

const numericVar = fc.record({
	kind: fc.constant('numeric' as const),
	labels: fc.dictionary(fc.integer({ min: -1000, max: 1000 }).map(String), word(40), { maxKeys: 6 }),
	missing: fc.record({
		values: fc.uniqueArray(fc.integer({ min: -9, max: 99 }), { maxLength: 3 }),
		range: fc.option(fc.tuple(fc.option(fc.integer({ min: -500, max: -100 })), fc.option(fc.integer({ min: 100, max: 500 }))))
	})
});
const stringVar = fc.integer({ min: 1, max: 400 }).chain((width) =>
	fc.record({
		kind: fc.constant('string' as const),
		width: fc.constant(width),
		labels: fc.dictionary(
			word(Math.min(width, 30)).filter((k) => bytes(k) <= width),
			word(40),
			{ maxKeys: 6 }
		),
		missing: fc.uniqueArray(
			word(8).filter((k) => bytes(k) <= Math.min(8, width)),
			{ maxLength: 3 }
		)
	})
);

async function write(dict: Dictionary): Promise<Uint8Array> {
	const parts: Uint8Array[] = [];
	const columns = dict.variables.map((v) => (v.type === 'string' ? ['x'] : new Float64Array([1])));
	for await (const c of savChunks(dict, [{ length: 1, columns }], { compression: 'bytecode' })) parts.push(c);
	return new Uint8Array(Buffer.concat(parts));
}

describe('writeSav value labels and missing values on random input', () => {
	it('come back from our reader as written, and PSPP reads them without warnings', async () => {
		let run = 0;
		await fc.assert(
			fc.asyncProperty(fc.array(fc.oneof(numericVar, stringVar), { minLength: 1, maxLength: 6 }), async (specs) => {
				const dict: Dictionary = {
					encoding: 'UTF-8',
					warnings: [],
					variables: specs.map((s, i) => {
						if (s.kind === 'numeric') {
							const range = s.missing.range;
							const missing: MissingSpec = { values: range ? s.missing.values.slice(0, 1) : s.missing.values, range };
							return variable({ name: `v${i}`, type: 'numeric', valueLabels: s.labels, missing });
						}
						return variable({
							name: `v${i}`,
							type: 'string',
							width: s.width,
							valueLabels: s.labels,
							missing: { values: s.missing, range: null }
						});
					})
				};
				const file = await write(dict);
				const back = await readSavAll(file, 'labels.sav');
				expect(back.dictionary.warnings).toEqual([]);
				back.dictionary.variables.forEach((v, i) => {
					expect(v.valueLabels).toEqual(dict.variables[i].valueLabels);
					expect(v.missing).toEqual(dict.variables[i].missing);
				});
				if (run++ % 5 === 0) {
					const f = path.join(dir, `labels-${run}.sav`);
					writeFileSync(f, file);
					const pspp = runPspp(f, ['DISPLAY DICTIONARY.']);
					expect(pspp.problems).toEqual([]);
				}
			}),
			{ numRuns: 100, seed: 7 }
		);
	});
});
