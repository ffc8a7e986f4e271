import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../../../app/lib/io/byte-source';
import { openPcp } from '../../../../../app/lib/io/spss/pcp';
import { sniffFormat } from '../../../../../app/lib/engine/import/sniff-format';
import { readVariants } from '../corrupt-variants';
import { readAllBatches } from '../por/read-all';

const PBC = new URL('../../../../fixtures/sav-external/foreign_pbc.sys', import.meta.url).pathname;
const bytes = new Uint8Array(readFileSync(PBC));
const read = (b: Uint8Array, name = 'pbc.sys') => openPcp(bytesSource(b, name)).then(readAllBatches);

describe('SPSS/PC+ system files', () => {
	it('is sniffed as sys, not as binary', () => {
		expect(sniffFormat(bytes.subarray(0, 65536))).toBe('sys');
	});

	it('reads pbc.sys as the SPSS-written pbc.sav holds it: 418 cases, 20 variables, system variables left out', async () => {
		const d = await read(bytes);
		expect(d.rows).toBe(418);
		expect(d.dictionary.variables.map((v) => v.name).slice(0, 4)).toEqual(['AGE', 'ALB', 'ALKPHOS', 'ASCITES']);
		expect(d.dictionary.variables).toHaveLength(20);
		expect(d.dictionary.variables[0]).toMatchObject({ type: 'numeric', format: 'F7.2', label: null });
		const age = d.columns[0] as Float64Array;
		// Row 1 is a literal double; row 313 a compressed integer code.
		expect([age[0], age[312], age[313]]).toEqual([58.7652, 60, 65]);
		expect(d.dictionary.encoding).toBe('windows-1252');
		expect(d.dictionary.warnings).toEqual(['no encoding record: text read as windows-1252 (a guess)']);
		expect(d.dictionary.fileLabel).toBe('Written by SPSS for Windows');
	});

	it('uses a chosen encoding without a warning', async () => {
		const reader = await openPcp(bytesSource(bytes, 'pbc.sys'), { encoding: 'ibm866' });
		expect(reader.dictionary.encoding).toBe('ibm866');
		expect(reader.dictionary.warnings).toEqual([]);
	});

	it('every truncation and many byte flips end in data or a one-line SpssError naming the file', async () => {
		let seed = 7;
		const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		const variants: Uint8Array[] = [];
		for (let n = 0; n < bytes.length; n += 211) variants.push(bytes.slice(0, n));
		for (let k = 0; k < 300; k++) {
			const b = bytes.slice();
			// Flips land in the directory, header and variables (the first 0x4a0 bytes) as often as in the data.
			const at = k % 2 ? Math.floor(rand() * 0x4a0) : Math.floor(rand() * b.length);
			b[at] = Math.floor(rand() * 256);
			variants.push(b);
		}
		const { data, errors } = await readVariants(variants, 'fuzz.sys', (v) => read(v, 'fuzz.sys'));
		expect(errors).toBeGreaterThan(150);
		expect(data).toBeGreaterThan(100);
	});

	it('names the cut in a truncated file', async () => {
		await expect(read(bytes.slice(0, 20_000), 'cut.sys')).rejects.toThrow(/^cut\.sys: truncated/);
		await expect(read(bytes.slice(0, 300), 'cut.sys')).rejects.toThrow(/^cut\.sys: truncated at byte 300/);
	});
});
