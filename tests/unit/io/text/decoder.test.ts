import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSavAll } from '../../../../app/lib/io/spss';
import { createTextDecoder } from '../../../../app/lib/io/text/decoder';
import { SINGLE_BYTE_HIGH } from '../../../../app/lib/io/text/single-byte-tables';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('createTextDecoder', () => {
	it('decodes windows-1252 punctuation as browsers do (Node 20 alone gives C1 controls)', () => {
		const d = createTextDecoder('windows-1252');
		expect(d.decode(bytes(0x80, 0x92, 0x96, 0x97, 0x9c, 0x81, 0xe9, 0x41))).toBe('€’–—œ\u0081éA');
		expect(createTextDecoder('latin1').decode(bytes(0x92))).toBe('’');
		expect(createTextDecoder('cp1252').encoding).toBe('windows-1252');
	});

	it('decodes the other code pages byte by byte', () => {
		expect(createTextDecoder('windows-1251').decode(bytes(0xc0, 0xff, 0x88))).toBe('Ая€');
		expect(createTextDecoder('windows-1250').decode(bytes(0x8a, 0xb9))).toBe('Šą');
		expect(createTextDecoder('windows-1253').decode(bytes(0xc1, 0xaa))).toBe('Α\ufffd');
		expect(createTextDecoder('windows-1256').decode(bytes(0x81))).toBe('پ');
		expect(createTextDecoder('koi8-r').decode(bytes(0xc1, 0xe1))).toBe('аА');
		expect(createTextDecoder('ibm866').decode(bytes(0x80, 0xf0))).toBe('АЁ');
		expect(createTextDecoder('iso-8859-2').decode(bytes(0xa1))).toBe('Ą');
		expect(createTextDecoder('windows-874').decode(bytes(0xa1))).toBe('ก');
	});

	it('has 128 characters per table and decodes long input in chunks', () => {
		for (const [label, high] of Object.entries(SINGLE_BYTE_HIGH)) expect(high.length, label).toBe(128);
		const long = new Uint8Array(20_000).fill(0x92);
		expect(createTextDecoder('windows-1252').decode(long)).toBe('’'.repeat(20_000));
	});

	it('throws on unmapped bytes only when fatal', () => {
		expect(() => createTextDecoder('windows-1253', { fatal: true }).decode(bytes(0x41, 0xaa))).toThrow(/offset 1/);
		expect(createTextDecoder('windows-1253', { fatal: true }).decode(bytes(0x41, 0xc1))).toBe('AΑ');
	});

	it('leaves multibyte encodings to the platform and rejects unknown labels', () => {
		expect(createTextDecoder('shift_jis').decode(bytes(0x82, 0xa0))).toBe('あ');
		expect(() => createTextDecoder('ebcdic-us')).toThrow(RangeError);
	});

	it('reads bdd_i18n.sav (no encoding record, windows-1252) with curly quotes and dashes', async () => {
		const file = path.resolve(__dirname, '../../../fixtures/sav-external/bdd_i18n.sav');
		const data = await readSavAll(new Uint8Array(readFileSync(file)), 'bdd_i18n.sav');
		const labels = data.dictionary.variables.map((v) => v.label ?? '');
		expect(labels.find((l) => l.startsWith('Nom de l'))).toBe('Nom de l’intervieweur');
		const text = JSON.stringify(data.dictionary);
		expect(text).toContain('–');
		expect(text).not.toMatch(/[\u0080-\u009f]/);
	});
});
