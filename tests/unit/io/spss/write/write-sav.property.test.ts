import * as fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dictionary } from '../../../../../app/lib/dataset/dictionary';
import type { ColumnBatch } from '../../../../../app/lib/io/batch';
import { readSavAll } from '../../../../../app/lib/io/spss/index';
import { savChunks } from '../../../../../app/lib/io/spss/write/index';
import { runPspp } from './pspp-oracle';
import { variable } from './sample-dictionary';

const dir = mkdtempSync(path.join(tmpdir(), 'sieve-sav-prop-'));
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** What a reader gets back for `s` in a string of `width` bytes: cut on a character, blanks trimmed. */
function stored(s: string | null, width: number): string {
	if (!s) return '';
	const buf = new Uint8Array(width);
	const { written } = encoder.encodeInto(s, buf);
	return decoder.decode(buf.subarray(0, written)).replace(/ +$/, '');
}

// eslint-disable-next-line no-control-regex -- control characters are what the generator must avoid
const text = fc.string({ unit: 'binary', maxLength: 120 }).map((s) => s.replace(/[\u0000-\u001f]/g, 'x'));
const column = fc.oneof(
	fc.record({
		kind: fc.constant('numeric' as const),
		values: fc.array(fc.oneof(fc.double(), fc.integer({ min: -150, max: 300 }), fc.constant(NaN)), { minLength: 5, maxLength: 5 })
	}),
	fc.record({
		kind: fc.constant('string' as const),
		width: fc.oneof(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 250, max: 700 })),
		values: fc.array(
			fc.oneof(
				text,
				fc.constant(null),
				text.map((s) => s.repeat(8))
			),
			{ minLength: 5, maxLength: 5 }
		)
	})
);
const table = fc.record({
	names: fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 70 }), { minLength: 1, maxLength: 5 }),
	columns: fc.array(column, { minLength: 5, maxLength: 5 }),
	compression: fc.constantFrom('none' as const, 'bytecode' as const, 'zlib' as const)
});

async function bytesOf(dict: Dictionary, batch: ColumnBatch, compression: 'none' | 'bytecode' | 'zlib') {
	const parts: Uint8Array[] = [];
	const gen = savChunks(dict, [batch], { compression });
	let r = await gen.next();
	while (!r.done) {
		parts.push(r.value);
		r = await gen.next();
	}
	return { bytes: new Uint8Array(Buffer.concat(parts)), report: r.value };
}

describe('writeSav on random dictionaries and values', () => {
	it('our reader gets back valid names, the declared widths and every value; PSPP reads every file without warnings', async () => {
		let run = 0;
		await fc.assert(
			fc.asyncProperty(table, async ({ names, columns, compression }) => {
				const cols = columns.slice(0, names.length);
				const dict: Dictionary = {
					encoding: 'UTF-8',
					warnings: [],
					variables: cols.map((c, i) =>
						c.kind === 'numeric'
							? variable({ name: names[i], type: 'numeric' })
							: variable({ name: names[i], type: 'string', width: c.width })
					)
				};
				const batch: ColumnBatch = {
					length: 5,
					columns: cols.map((c) => (c.kind === 'numeric' ? Float64Array.from(c.values) : c.values))
				};
				const { bytes, report } = await bytesOf(dict, batch, compression);
				const back = await readSavAll(bytes, 'prop.sav');
				expect(back.dictionary.warnings).toEqual([]);
				const renamed = new Map(report.renamed.map((r) => [r.index, r.to]));
				expect(back.dictionary.variables.map((v) => v.name)).toEqual(names.map((n, i) => renamed.get(i) ?? n));
				cols.forEach((c, i) => {
					// -DBL_MAX is how system files spell system-missing, so it cannot come back as a number.
					if (c.kind === 'numeric')
						expect(Array.from(back.columns[i] as Float64Array)).toEqual(c.values.map((x) => (x === -Number.MAX_VALUE ? NaN : x)));
					else {
						expect(back.dictionary.variables[i].width).toBe(c.width);
						expect(back.columns[i]).toEqual(c.values.map((s) => stored(s, c.width)));
					}
				});
				if (run++ % 10 === 0) {
					const file = path.join(dir, `prop-${run}.sav`);
					writeFileSync(file, bytes);
					const pspp = runPspp(file, ['DISPLAY DICTIONARY.', 'LIST.']);
					expect(pspp.problems).toEqual([]);
					expect(
						pspp.tables
							.get('Variables')!
							.slice(1)
							.map((r) => r[0])
					).toEqual(back.dictionary.variables.map((v) => v.name));
				}
			}),
			{ numRuns: 100, seed: 20261122 }
		);
	});
});
